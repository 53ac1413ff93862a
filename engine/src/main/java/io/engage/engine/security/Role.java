package io.engage.engine.security;

import java.util.Collection;

/** Who may do what; {@link AccessRules} holds the endpoints each role reaches. */
public enum Role {
  ADMIN(true),
  /** Journeys, templates, segments. */
  MARKETER(false),
  /** Escalation rules, complaints. */
  SERVICE_MANAGER(true),
  /** Reward rules, simulations. */
  BUSINESS(false),
  /** Complaints, reading customers: talks to customers, so sees their contact data. */
  AGENT(true),
  /** Machines sending events, by API key. */
  INTEGRATION(false),
  /** Reads everything it may read, changes nothing; personal data masked. */
  VIEWER(false);

  private final boolean seesPersonalData;

  Role(boolean seesPersonalData) {
    this.seesPersonalData = seesPersonalData;
  }

  /** Whether this role sees personal data (name, email, phone, address) unmasked. */
  public boolean seesPersonalData() {
    return seesPersonalData;
  }

  /** Whether any of these Spring authorities ({@code ROLE_X}) grants unmasked personal data. */
  public static boolean seesPersonalData(Collection<String> authorities) {
    for (Role role : values()) {
      if (role.seesPersonalData && authorities.contains("ROLE_" + role.name())) {
        return true;
      }
    }
    return false;
  }
}
