package io.engage.engine.security;

/** Who may do what; see SecurityConfiguration for the endpoints each role reaches. */
public enum Role {
  ADMIN,
  MARKETER,
  SERVICE_MANAGER,
  BUSINESS,
  AGENT,
  /** Machines sending events, by API key. */
  INTEGRATION
}
