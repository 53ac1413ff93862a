package io.engage.connectors.sms;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A text cut into SMS parts. GSM 03.38 7-bit (one septet per octet, unpacked, as SMPP carries it)
 * when every character is in the GSM default alphabet or its extension table, otherwise UCS-2
 * (UTF-16BE), which Chinese text always needs. One part holds 160 septets or 70 UCS-2 units; a
 * concatenated message's parts hold 153 or 67, leaving room for the 6-octet UDH, and never split an
 * escape sequence or a surrogate pair.
 */
record SmsSegments(Coding coding, List<byte[]> parts) {

  enum Coding { GSM7, UCS2 }

  static final int MAX_PARTS = 255;

  /** GSM 03.38 default alphabet, by septet value. 0x1B is the escape to the extension table. */
  private static final String GSM_BASIC =
      "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
          + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  /** The extension table: character and its septet after the escape. */
  private static final String GSM_EXTENDED = "\f^{}\\[~]|€";
  private static final byte[] GSM_EXTENDED_CODES = {0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65};

  static {
    if (GSM_BASIC.length() != 128) {
      throw new IllegalStateException("GSM table has " + GSM_BASIC.length() + " characters");
    }
  }

  static SmsSegments of(String text) {
    byte[][] septets = gsm7(text);
    List<byte[]> parts = septets == null ? ucs2Parts(text) : gsm7Parts(septets);
    if (parts.size() > MAX_PARTS) {
      throw new IllegalArgumentException("text needs " + parts.size() + " SMS parts, at most " + MAX_PARTS);
    }
    return new SmsSegments(septets == null ? Coding.UCS2 : Coding.GSM7, parts);
  }

  boolean concatenated() {
    return parts.size() > 1;
  }

  /** The user data header of part {@code index} (0-based): IEI 0x00, 8-bit reference. */
  byte[] udh(int reference, int index) {
    return new byte[] {0x05, 0x00, 0x03, (byte) reference, (byte) parts.size(), (byte) (index + 1)};
  }

  /** Each character as its one or two septets, or null when one is not in the GSM alphabet. */
  private static byte[][] gsm7(String text) {
    byte[][] out = new byte[text.length()][];
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int basic = GSM_BASIC.indexOf(c);
      if (basic >= 0 && basic != 0x1B) {
        out[i] = new byte[] {(byte) basic};
        continue;
      }
      int extended = GSM_EXTENDED.indexOf(c);
      if (extended < 0) {
        return null;
      }
      out[i] = new byte[] {0x1B, GSM_EXTENDED_CODES[extended]};
    }
    return out;
  }

  private static List<byte[]> gsm7Parts(byte[][] septets) {
    int total = 0;
    for (byte[] s : septets) {
      total += s.length;
    }
    int limit = total <= 160 ? 160 : 153;
    List<byte[]> parts = new ArrayList<>();
    ByteArrayOutputStream part = new ByteArrayOutputStream(limit);
    for (byte[] s : septets) {
      if (part.size() + s.length > limit) {
        parts.add(part.toByteArray());
        part.reset();
      }
      part.writeBytes(s);
    }
    if (part.size() > 0 || parts.isEmpty()) {
      parts.add(part.toByteArray());
    }
    return parts;
  }

  private static List<byte[]> ucs2Parts(String text) {
    int limit = text.length() <= 70 ? 70 : 67;
    List<byte[]> parts = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int end = Math.min(text.length(), start + limit);
      if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
        end--;
      }
      parts.add(text.substring(start, end).getBytes(StandardCharsets.UTF_16BE));
      start = end;
    }
    return parts;
  }
}
