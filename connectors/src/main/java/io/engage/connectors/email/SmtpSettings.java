package io.engage.connectors.email;

import java.time.Duration;

/** An SMTP relay; username and password null for a relay without authentication. */
public record SmtpSettings(
    String host, int port, String username, String password, boolean startTls, boolean ssl, String from,
    Duration timeout) {}
