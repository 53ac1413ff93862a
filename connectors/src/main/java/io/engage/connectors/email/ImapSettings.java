package io.engage.connectors.email;

import java.time.Duration;

/**
 * The mailbox that receives {@code mailto:} unsubscribes (the address of List-Unsubscribe).
 *
 * @param ssl IMAPS (usually port 993) rather than plain IMAP
 * @param folder the folder to read, usually {@code INBOX}
 */
public record ImapSettings(String host, int port, String username, String password, boolean ssl, String folder,
    Duration timeout) {}
