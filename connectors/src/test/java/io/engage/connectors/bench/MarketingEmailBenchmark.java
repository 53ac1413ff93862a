package io.engage.connectors.bench;

import io.engage.connectors.Channel;
import io.engage.connectors.DeliveryResult;
import io.engage.connectors.OutboundMessage;
import io.engage.connectors.email.EmailTracker;
import io.engage.connectors.email.MiniSmtpSink;
import io.engage.connectors.email.SmtpEmailConnector;
import io.engage.connectors.email.SmtpSettings;
import io.engage.connectors.email.TrackingLinks;
import io.engage.connectors.email.TrackingSettings;
import io.engage.connectors.template.LiquidTemplateRenderer;
import io.engage.connectors.template.MessageTemplate;
import io.engage.connectors.template.RenderedMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Marketing email per second: a zh-CN Liquid template rendered for a customer, List-Unsubscribe and
 * click/open tracking added, and the message sent through {@link SmtpEmailConnector} to an SMTP
 * sink on loopback, by {@link #THREADS} sender threads. Two baselines run in the same JVM:
 * rendering alone (no SMTP), and a raw SMTP dialogue over a kept-open socket with a pre-built
 * message (the ceiling the sink and loopback allow).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 6, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class MarketingEmailBenchmark {

  static final int THREADS = 4;

  static final MessageTemplate TEMPLATE = new MessageTemplate("double-eleven", "zh-CN",
      "{{ customer.name }}，双十一会员专享：{{ coupons | size }} 张优惠券已到账",
      """
      {{ customer.name }}，您好！
      您是我们的{{ customer.tier }}会员，当前积分 {{ customer.points }}。
      {% for c in coupons %}- {{ c.title }}：满{{ c.threshold }}减{{ c.amount }}，{{ c.expires }}前有效
      {% endfor %}立即查看：https://shop.example.com/d11?c={{ customer.id }}
      """,
      """
      <html><body>
      <h1>{{ customer.name | escape }}，双十一快乐</h1>
      <p>您是我们的<b>{{ customer.tier | escape }}</b>会员，当前积分 {{ customer.points }}。</p>
      <ul>{% for c in coupons %}<li>{{ c.title | escape }}：满{{ c.threshold }}减{{ c.amount }}</li>{% endfor %}</ul>
      <p><a href="https://shop.example.com/d11?c={{ customer.id | escape }}">立即抢购</a>
      <a href="https://shop.example.com/coupons">我的优惠券</a></p>
      <p style="color:#999">如不想再收到此类邮件，<a href="{{ unsubscribe | escape }}">退订</a>。</p>
      </body></html>
      """);

  @State(Scope.Benchmark)
  public static class Shared {
    MiniSmtpSink sink;
    SmtpEmailConnector connector;
    LiquidTemplateRenderer renderer;
    EmailTracker tracker;
    TrackingLinks links;
    final AtomicLong sequence = new AtomicLong();
    byte[] rawMessage;

    @Setup(Level.Trial)
    public void start() throws IOException {
      sink = new MiniSmtpSink(false, false);
      connector = new SmtpEmailConnector(new SmtpSettings("127.0.0.1", sink.port(), null, null, false, false,
          "Engage 商城 <no-reply@engage.test>", Duration.ofSeconds(10), THREADS, 10_000));
      renderer = new LiquidTemplateRenderer();
      links = new TrackingLinks(new TrackingSettings("https://engage.example.com/t", "unsubscribe@engage.example.com",
          List.of("benchmark-secret-of-at-least-32-bytes!!")));
      tracker = new EmailTracker(links);
      rawMessage = ("From: no-reply@engage.test\r\nTo: c@example.com\r\nSubject: =?UTF-8?B?5Y+M5Y2B5LiA?=\r\n"
          + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
          + "x".repeat(3_000) + "\r\n.\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
      connector.close();
      System.out.println("\nsink accepted " + sink.messages.get() + " messages on " + sink.connections.get()
          + " connections");
      sink.close();
    }

    OutboundMessage render() {
      long n = sequence.incrementAndGet();
      String customerId = "c-" + (n % 100_000);
      String key = "journey-d11:send-coupon:" + customerId + ":" + n;
      Map<String, Object> model = Map.of(
          "customer", Map.of("id", customerId, "name", "王芳", "tier", "金卡", "points", 12_880),
          "coupons", List.of(
              Map.of("title", "全品类券", "threshold", 299, "amount", 50, "expires", "11月12日"),
              Map.of("title", "生鲜券", "threshold", 99, "amount", 20, "expires", "11月12日"),
              Map.of("title", "图书券", "threshold", 100, "amount", 30, "expires", "11月15日")),
          "unsubscribe", links.unsubscribeUrl(customerId, Channel.EMAIL, key));
      RenderedMessage rendered = renderer.render(TEMPLATE, model);
      OutboundMessage message = OutboundMessage.email(key, "c" + (n % 100_000) + "@example.com", rendered.subject(),
          rendered.text(), rendered.html());
      return tracker.prepare(message, customerId, true);
    }
  }

  /** One kept-open raw SMTP connection per thread for the dialogue baseline. */
  @State(Scope.Thread)
  public static class RawConnection {
    Socket socket;
    BufferedReader in;
    OutputStream out;

    @Setup(Level.Trial)
    public void open(Shared shared) throws IOException {
      socket = new Socket(InetAddress.getLoopbackAddress(), shared.sink.port());
      in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      out = socket.getOutputStream();
      in.readLine();
      command("EHLO bench");
    }

    String command(String line) throws IOException {
      out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String reply;
      do {
        reply = in.readLine();
      } while (reply != null && reply.length() > 3 && reply.charAt(3) == '-');
      return reply;
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
      command("QUIT");
      socket.close();
    }
  }

  @Benchmark
  @Threads(THREADS)
  public DeliveryResult renderTrackAndSend(Shared shared) {
    DeliveryResult result = shared.connector.send(shared.render());
    if (!result.sent()) {
      throw new IllegalStateException("not sent: " + result.reason());
    }
    return result;
  }

  @Benchmark
  @Threads(THREADS)
  public OutboundMessage baselineRenderAndTrackOnly(Shared shared) {
    return shared.render();
  }

  @Benchmark
  @Threads(THREADS)
  public String baselineRawSmtpDialogue(Shared shared, RawConnection raw) throws IOException {
    raw.command("MAIL FROM:<no-reply@engage.test>");
    raw.command("RCPT TO:<c@example.com>");
    raw.command("DATA");
    raw.out.write(shared.rawMessage);
    raw.out.flush();
    String reply = raw.in.readLine();
    if (reply == null || !reply.startsWith("250")) {
      throw new IllegalStateException("sink said " + reply);
    }
    return reply;
  }
}
