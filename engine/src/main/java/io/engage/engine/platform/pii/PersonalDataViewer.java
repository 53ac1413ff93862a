package io.engage.engine.platform.pii;

/**
 * Decides, for the caller of the current request, whether {@link PersonalData} is shown in clear,
 * and hears of every value that was. Implemented where roles and the audit log are known (the
 * privacy feature); the platform only asks.
 */
public interface PersonalDataViewer {

  /** Whether the current caller sees personal data in clear. */
  boolean seesPersonalData();

  /** A value of {@code property} was written in clear into the current response. */
  void revealed(String property);
}
