package io.engage.engine.messaging;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An SMTP server that knows no mailbox: it speaks the protocol up to RCPT TO and refuses every
 * recipient with {@code 550 5.1.1}, the reply that makes an address a hard bounce.
 */
final class BouncingSmtpServer implements AutoCloseable {

  private final ServerSocket socket;
  private final ExecutorService threads = Executors.newCachedThreadPool();

  BouncingSmtpServer() throws IOException {
    socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    threads.submit(this::accept);
  }

  int port() {
    return socket.getLocalPort();
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        threads.submit(() -> converse(client));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void converse(Socket client) {
    try (client;
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII)) {
      reply(out, "220 bounce.test ESMTP");
      String line;
      while ((line = in.readLine()) != null) {
        String command = line.toUpperCase(Locale.ROOT);
        if (command.startsWith("EHLO") || command.startsWith("HELO")) {
          reply(out, "250 bounce.test");
        } else if (command.startsWith("MAIL FROM")) {
          reply(out, "250 2.1.0 OK");
        } else if (command.startsWith("RCPT TO")) {
          reply(out, "550 5.1.1 The email account that you tried to reach does not exist");
        } else if (command.startsWith("RSET") || command.startsWith("NOOP")) {
          reply(out, "250 2.0.0 OK");
        } else if (command.startsWith("QUIT")) {
          reply(out, "221 2.0.0 Bye");
          return;
        } else {
          reply(out, "503 5.5.1 Bad sequence of commands");
        }
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private static void reply(PrintWriter out, String text) {
    out.print(text + "\r\n");
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    threads.shutdownNow();
  }
}
