package io.engage.engine.platform.pii;

/** What a caller without the personal-data permission sees instead of the value. */
public final class Masking {

  private static final String STARS = "***";

  private Masking() {}

  public static String mask(String value, PersonalData.Kind kind) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    return switch (kind) {
      case EMAIL -> {
        int at = value.lastIndexOf('@');
        yield at <= 0 ? STARS : value.substring(0, 1) + STARS + value.substring(at);
      }
      case PHONE -> {
        String digits = value.replaceAll("[^0-9]", "");
        yield digits.length() < 8 ? STARS : STARS + digits.substring(digits.length() - 4);
      }
      case NAME -> value.codePoints().limit(1).collect(StringBuilder::new, StringBuilder::appendCodePoint,
          StringBuilder::append) + STARS;
      case TEXT -> STARS;
      case BIRTHDAY -> value.length() > 4 ? "****" + value.substring(4) : STARS;
    };
  }
}
