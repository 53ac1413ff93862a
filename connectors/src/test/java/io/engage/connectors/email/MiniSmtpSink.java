package io.engage.connectors.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal SMTP server on loopback that accepts everything, many clients and many messages per
 * connection, and counts: connections, messages, and each message's Message-ID. Lighter than
 * GreenMail (no parsing, no mailbox), so it can stand as the sink of a throughput benchmark.
 * {@code silentAfterData} makes it swallow the message and never answer, as a relay that hangs.
 */
public final class MiniSmtpSink implements AutoCloseable {

  private final ServerSocket server;
  private final boolean silentAfterData;
  private final boolean keepIds;
  private final List<Socket> clients = new CopyOnWriteArrayList<>();
  public final AtomicInteger connections = new AtomicInteger();
  public final AtomicInteger messages = new AtomicInteger();
  public final List<String> messageIds = new CopyOnWriteArrayList<>();

  public MiniSmtpSink(boolean silentAfterData, boolean keepIds) throws IOException {
    this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    this.silentAfterData = silentAfterData;
    this.keepIds = keepIds;
    Thread.ofPlatform().daemon().name("mini-smtp-accept").start(this::acceptLoop);
  }

  public int port() {
    return server.getLocalPort();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        client.setTcpNoDelay(true);
        clients.add(client);
        connections.incrementAndGet();
        Thread.ofVirtual().start(() -> serve(client));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client;
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1), 65_536)) {
      OutputStream out = client.getOutputStream();
      reply(out, "220 mini-smtp ready");
      String line;
      while ((line = in.readLine()) != null) {
        String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line.toUpperCase(Locale.ROOT);
        switch (command) {
          case "EHLO", "HELO" -> reply(out, "250-mini-smtp\r\n250 8BITMIME");
          case "DATA" -> {
            reply(out, "354 end with <CRLF>.<CRLF>");
            String messageId = null;
            while ((line = in.readLine()) != null && !line.equals(".")) {
              if (keepIds && messageId == null && line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                messageId = line.substring(11).strip();
              }
            }
            if (silentAfterData) {
              continue;
            }
            messages.incrementAndGet();
            if (keepIds) {
              messageIds.add(messageId);
            }
            reply(out, "250 2.0.0 queued");
          }
          case "QUIT" -> {
            reply(out, "221 bye");
            return;
          }
          default -> reply(out, "250 ok");
        }
      }
    } catch (IOException e) {
      // The client went away.
    }
  }

  private static void reply(OutputStream out, String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Drops every open client connection, as a relay restarting would, but keeps listening. */
  public void dropClients() {
    for (Socket client : clients) {
      try {
        client.close();
      } catch (IOException e) {
        // Already closed.
      }
    }
    clients.clear();
  }

  @Override
  public void close() throws IOException {
    server.close();
    dropClients();
  }
}
