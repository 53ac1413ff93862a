package io.engage.connectors.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SmsSegmentsTest {

  private static final String BASIC =
      "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
          + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

  /** Decodes unpacked GSM septets, the reverse of what the connector sends. */
  static String gsmToString(byte[] septets) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < septets.length; i++) {
      if (septets[i] == 0x1B && i + 1 < septets.length) {
        int code = septets[++i];
        out.append(switch (code) {
          case 0x0A -> '\f';
          case 0x14 -> '^';
          case 0x28 -> '{';
          case 0x29 -> '}';
          case 0x2F -> '\\';
          case 0x3C -> '[';
          case 0x3D -> '~';
          case 0x3E -> ']';
          case 0x40 -> '|';
          case 0x65 -> '€';
          default -> '?';
        });
      } else {
        out.append(BASIC.charAt(septets[i]));
      }
    }
    return out.toString();
  }

  @Test
  void gsmTextIsOneSeptetPerCharacterAndKeepsTheStandardPositions() {
    SmsSegments segments = SmsSegments.of("Hello @ 100€ [ok]");

    assertThat(segments.coding()).isEqualTo(SmsSegments.Coding.GSM7);
    assertThat(segments.parts()).hasSize(1);
    byte[] septets = segments.parts().getFirst();
    assertThat(septets[0]).isEqualTo((byte) 0x48);
    assertThat(septets[6]).as("@ is septet 0").isEqualTo((byte) 0x00);
    assertThat(gsmToString(septets)).isEqualTo("Hello @ 100€ [ok]");
    assertThat(septets).hasSize(17 + 3); // € [ ] take two septets each
  }

  @Test
  void chineseTextIsUcs2() {
    SmsSegments segments = SmsSegments.of("【Engage】您的订单已发货");

    assertThat(segments.coding()).isEqualTo(SmsSegments.Coding.UCS2);
    assertThat(new String(segments.parts().getFirst(), StandardCharsets.UTF_16BE)).isEqualTo("【Engage】您的订单已发货");
  }

  @Test
  void partLimitsFollowTheCodingAndTheUdh() {
    assertThat(SmsSegments.of("a".repeat(160)).parts()).hasSize(1);
    assertThat(SmsSegments.of("a".repeat(161)).parts()).extracting(p -> p.length).containsExactly(153, 8);
    assertThat(SmsSegments.of("中".repeat(70)).parts()).hasSize(1);
    assertThat(SmsSegments.of("中".repeat(71)).parts()).extracting(p -> p.length).containsExactly(134, 8);
  }

  @Test
  void neitherAnEscapeNorASurrogatePairIsSplit() {
    SmsSegments gsm = SmsSegments.of("a".repeat(152) + "€" + "b".repeat(10));
    assertThat(gsm.parts()).extracting(p -> p.length).containsExactly(152, 12);

    SmsSegments emoji = SmsSegments.of("中".repeat(66) + "😀" + "中".repeat(10));
    assertThat(emoji.parts().getFirst()).hasSize(132);
    assertThat(new String(emoji.parts().get(1), StandardCharsets.UTF_16BE)).startsWith("😀");
  }

  @Test
  void udhNamesReferenceTotalAndSequence() {
    SmsSegments segments = SmsSegments.of("x".repeat(400));

    assertThat(segments.udh(0xAB, 2)).containsExactly(new byte[] {0x05, 0x00, 0x03, (byte) 0xAB, 3, 3});
  }

  @Test
  void aTextOfMoreThan255PartsIsRefused() {
    assertThatThrownBy(() -> SmsSegments.of("中".repeat(67 * 256))).isInstanceOf(IllegalArgumentException.class);
  }
}
