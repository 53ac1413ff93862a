package io.engage.engine.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonalDataCipherTest {

  private static final String K1 = PiiKeyFile.randomKey();
  private static final String K2 = PiiKeyFile.randomKey();
  private static final String LOOKUP = PiiKeyFile.randomKey();

  private static PersonalDataCipher cipher(String active, PiiProperties.KeySpec... keys) {
    return new PersonalDataCipher(PiiKeyring.of(new PiiProperties(List.of(keys), active, LOOKUP)));
  }

  @Test
  void sealsWithARandomNonceUnderTheActiveKeyIdAndOpensAgain() {
    PersonalDataCipher cipher = cipher("k1", new PiiProperties.KeySpec("k1", K1));
    String first = cipher.encrypt("张伟 zhang.wei@example.com");
    String second = cipher.encrypt("张伟 zhang.wei@example.com");
    assertThat(first).startsWith("v1:k1:").isNotEqualTo(second).doesNotContain("example.com");
    assertThat(Base64.getDecoder().decode(first.substring("v1:k1:".length()))).hasSizeGreaterThan(12 + 16);
    assertThat(cipher.decrypt(first)).isEqualTo("张伟 zhang.wei@example.com");
    assertThat(PersonalDataCipher.keyIdOf(first)).isEqualTo("k1");
  }

  @Test
  void opensValuesUnderAnOlderKeyAndPassesPlaintextFromBeforeEncryptionThrough() {
    String old = cipher("k1", new PiiProperties.KeySpec("k1", K1)).encrypt("+8613800001111");
    PersonalDataCipher rotated = cipher("k2", new PiiProperties.KeySpec("k1", K1), new PiiProperties.KeySpec("k2", K2));
    assertThat(rotated.decrypt(old)).isEqualTo("+8613800001111");
    assertThat(rotated.encrypt("x")).startsWith("v1:k2:");
    assertThat(rotated.decrypt("legacy@example.com")).isEqualTo("legacy@example.com");
    assertThat(PersonalDataCipher.keyIdOf("legacy@example.com")).isNull();
  }

  @Test
  void refusesAlteredCiphertextAndUnknownKeysWithoutEchoingTheValue() {
    PersonalDataCipher cipher = cipher("k1", new PiiProperties.KeySpec("k1", K1));
    // Every nonce is random: many envelopes, so no lucky one passes.
    for (int i = 0; i < 200; i++) {
      String sealed = cipher.encrypt("secret@example.com");
      // A character inside the base64 text (near its end one may carry only padding bits, and
      // changing those changes no byte): bits of the nonce differ.
      int at = sealed.lastIndexOf(':') + 10;
      char c = sealed.charAt(at);
      String altered = sealed.substring(0, at) + (c == 'A' ? 'B' : 'A') + sealed.substring(at + 1);
      assertThatThrownBy(() -> cipher.decrypt(altered)).hasMessageContaining("does not open").hasMessageNotContaining("secret");
    }
    String foreign = cipher("k9", new PiiProperties.KeySpec("k9", K2)).encrypt("secret@example.com");
    assertThatThrownBy(() -> cipher.decrypt(foreign)).hasMessageContaining("'k9'").hasMessageNotContaining("secret");
  }

  @Test
  void aBadConfigurationNamesTheSettingAtFault() {
    assertThatThrownBy(() -> PiiKeyring.of(new PiiProperties(List.of(), "k1", LOOKUP)))
        .hasMessageContaining("engage.pii.keys is empty");
    assertThatThrownBy(() -> PiiKeyring.of(new PiiProperties(List.of(new PiiProperties.KeySpec("k1", "c2hvcnQ=")), "k1", LOOKUP)))
        .hasMessageContaining("engage.pii.keys[0].key must be 32 bytes");
    assertThatThrownBy(() -> PiiKeyring.of(new PiiProperties(List.of(new PiiProperties.KeySpec("k1", K1)), "k2", LOOKUP)))
        .hasMessageContaining("engage.pii.active-key-id");
    assertThatThrownBy(() -> PiiKeyring.of(new PiiProperties(List.of(new PiiProperties.KeySpec("k:1", K1)), "k:1", LOOKUP)))
        .hasMessageContaining("engage.pii.keys[0].id");
    assertThatThrownBy(() -> PiiKeyring.of(new PiiProperties(List.of(new PiiProperties.KeySpec("k1", K1)), "k1", null)))
        .hasMessageContaining("engage.pii.lookup-key is missing");
  }

  @Test
  void lookupHashesAreKeyed() {
    LookupHash one = new LookupHash(PiiKeyring.of(new PiiProperties(List.of(new PiiProperties.KeySpec("k1", K1)), "k1", LOOKUP)));
    LookupHash other = new LookupHash(PiiKeyring.of(new PiiProperties(List.of(new PiiProperties.KeySpec("k1", K1)), "k1", K2)));
    assertThat(one.hex("phone:+8613800001111")).hasSize(64).isEqualTo(one.hex("phone:+8613800001111"))
        .isNotEqualTo(other.hex("phone:+8613800001111"));
  }

  @Test
  void embeddedKeysAreGeneratedOnceOwnerReadableAndReused(@TempDir Path dataDir) throws Exception {
    PiiProperties first = PiiKeyFile.loadOrCreate(dataDir);
    PiiProperties again = PiiKeyFile.loadOrCreate(dataDir);
    assertThat(again).isEqualTo(first);
    Path file = dataDir.resolve(PiiKeyFile.FILE_NAME);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    PersonalDataCipher cipher = new PersonalDataCipher(PiiKeyring.of(first));
    assertThat(new PersonalDataCipher(PiiKeyring.of(again)).decrypt(cipher.encrypt("a@example.com"))).isEqualTo("a@example.com");
  }
}
