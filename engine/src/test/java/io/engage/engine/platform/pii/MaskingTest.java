package io.engage.engine.platform.pii;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

  @Test
  void keepsOnlyWhatHelpsSomeoneWhoKnowsTheValue() {
    assertThat(Masking.mask("zhang.wei@example.com", PersonalData.Kind.EMAIL)).isEqualTo("z***@example.com");
    assertThat(Masking.mask("not-an-email", PersonalData.Kind.EMAIL)).isEqualTo("***");
    assertThat(Masking.mask("+86 138 0000 1234", PersonalData.Kind.PHONE)).isEqualTo("***1234");
    assertThat(Masking.mask("12345", PersonalData.Kind.PHONE)).isEqualTo("***");
    assertThat(Masking.mask("张伟", PersonalData.Kind.NAME)).isEqualTo("张***");
    assertThat(Masking.mask("1 Long Road, Shanghai", PersonalData.Kind.TEXT)).isEqualTo("***");
    assertThat(Masking.mask(null, PersonalData.Kind.TEXT)).isNull();
  }
}
