package io.engage.connectors.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Open SMTP connections for reuse, at most {@code max} at once. A connection idle for a moment is
 * checked with NOOP before reuse and one idle too long is replaced, so a relay's idle timeout does
 * not fail a message; a connection whose send failed is closed, since its state is unknown.
 */
final class SmtpConnectionPool implements AutoCloseable {

  /** Below this idle time a connection is reused without a NOOP round trip (hot under load). */
  private static final long CHECK_AFTER_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
  /** Relays drop idle clients after about a minute (Postfix: 300 s, many: 60 s). */
  private static final long REPLACE_AFTER_NANOS = TimeUnit.SECONDS.toNanos(30);

  static final class Lease {
    final Transport transport;
    final boolean reused;
    int messages;
    long idleSince;

    Lease(Transport transport, boolean reused) {
      this.transport = transport;
      this.reused = reused;
    }

    Lease counting(int sent) {
      this.messages = sent;
      return this;
    }
  }

  private final Session session;
  private final int maxMessages;
  private final long waitMillis;
  private final Semaphore permits;
  private final ConcurrentLinkedDeque<Lease> idle = new ConcurrentLinkedDeque<>();
  private volatile boolean closed;

  SmtpConnectionPool(Session session, int max, int maxMessages, long waitMillis) {
    this.session = session;
    this.maxMessages = maxMessages;
    this.waitMillis = waitMillis;
    this.permits = new Semaphore(max, true);
  }

  /**
   * A connected transport; throws {@link PoolExhaustedException} when every connection stayed busy
   * for the whole wait.
   */
  Lease borrow() throws MessagingException, InterruptedException {
    if (!permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
      throw new PoolExhaustedException();
    }
    try {
      Lease lease;
      while ((lease = idle.pollFirst()) != null) {
        long idleFor = System.nanoTime() - lease.idleSince;
        if (idleFor < CHECK_AFTER_NANOS || idleFor < REPLACE_AFTER_NANOS && lease.transport.isConnected()) {
          return new Lease(lease.transport, true).counting(lease.messages);
        }
        quietlyClose(lease.transport);
      }
      return connect();
    } catch (MessagingException | RuntimeException e) {
      permits.release();
      throw e;
    }
  }

  /** A fresh connection for a lease whose reused connection turned out dead. */
  Lease replace(Lease dead) throws MessagingException {
    quietlyClose(dead.transport);
    try {
      return connect();
    } catch (MessagingException | RuntimeException e) {
      permits.release();
      throw e;
    }
  }

  void giveBack(Lease lease, boolean healthy) {
    lease.messages++;
    if (healthy && !closed && lease.messages < maxMessages) {
      lease.idleSince = System.nanoTime();
      idle.offerFirst(lease);
    } else {
      quietlyClose(lease.transport);
    }
    permits.release();
  }

  private Lease connect() throws MessagingException {
    Transport transport = session.getTransport();
    transport.connect();
    return new Lease(transport, false);
  }

  @Override
  public void close() {
    closed = true;
    Lease lease;
    while ((lease = idle.pollFirst()) != null) {
      quietlyClose(lease.transport);
    }
  }

  private static void quietlyClose(Transport transport) {
    try {
      transport.close();
    } catch (MessagingException | RuntimeException e) {
      // Closing a broken connection can fail; it is gone either way.
    }
  }

  static final class PoolExhaustedException extends MessagingException {
    PoolExhaustedException() {
      super("all SMTP connections stayed busy");
    }
  }
}
