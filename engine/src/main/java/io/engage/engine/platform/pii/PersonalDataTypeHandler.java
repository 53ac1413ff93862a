package io.engage.engine.platform.pii;

import io.engage.engine.platform.crypto.PersonalDataCipher;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/**
 * The one place personal data (name, email, phone, address, a message's recipient and variables,
 * device tokens, complaint texts, raw event payloads) crosses between Java and the database: it
 * seals values with AES-GCM on the way in and opens them on the way out. Every mapper names it on
 * those columns ({@code typeHandler=...}); the {@link PersonalDataTable} beans list the same columns for
 * the migration and the key rotation.
 *
 * <p>It has no default constructor on purpose: MyBatis uses the one instance registered by
 * {@link PersonalDataMyBatisConfiguration}, and a mapper that were parsed without it fails at start.
 */
public class PersonalDataTypeHandler extends BaseTypeHandler<String> {

  private final PersonalDataCipher cipher;

  public PersonalDataTypeHandler(PersonalDataCipher cipher) {
    this.cipher = cipher;
  }

  @Override
  public void setNonNullParameter(PreparedStatement ps, int i, String value, JdbcType jdbcType)
      throws SQLException {
    ps.setString(i, cipher.encrypt(value));
  }

  @Override
  public String getNullableResult(ResultSet rs, String columnName) throws SQLException {
    return cipher.decrypt(rs.getString(columnName));
  }

  @Override
  public String getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
    return cipher.decrypt(rs.getString(columnIndex));
  }

  @Override
  public String getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
    return cipher.decrypt(cs.getString(columnIndex));
  }
}
