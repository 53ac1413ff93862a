package io.engage.engine.platform.pii;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;
import org.apache.ibatis.type.MappedJdbcTypes;
import org.apache.ibatis.type.MappedTypes;

/**
 * The one place personal data (name, email, phone, address, a message's recipient) crosses between
 * Java and the database. Every mapper names it on those columns ({@code typeHandler=...}), so
 * encrypting personal data at rest is a change to this class and its codec only.
 *
 * <p>Today {@link #toStored} and {@link #fromStored} keep the text as given; encryption with
 * rotating keys is planned work (issue 8) and replaces exactly those two methods.
 */
@MappedTypes(String.class)
@MappedJdbcTypes(JdbcType.VARCHAR)
public class PersonalDataTypeHandler extends BaseTypeHandler<String> {

  @Override
  public void setNonNullParameter(PreparedStatement ps, int i, String value, JdbcType jdbcType)
      throws SQLException {
    ps.setString(i, toStored(value));
  }

  @Override
  public String getNullableResult(ResultSet rs, String columnName) throws SQLException {
    return fromStored(rs.getString(columnName));
  }

  @Override
  public String getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
    return fromStored(rs.getString(columnIndex));
  }

  @Override
  public String getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
    return fromStored(cs.getString(columnIndex));
  }

  static String toStored(String plain) {
    return plain;
  }

  static String fromStored(String stored) {
    return stored;
  }
}
