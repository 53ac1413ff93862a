package io.engage.connectors.sms;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.ServerResponseDeliveryAdapter;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;

/**
 * An SMSC for tests: jSMPP's server session on loopback. It accepts transceiver binds with the
 * right password, records every submit_sm, answers with an id, and sends a deliver_sm receipt after
 * each submit_sm_resp with the state {@link #receiptState} gives for the destination. Scripted
 * failures: {@link #throttleNext} submits get ESME_RTHROTTLED, the {@link #INVALID} number gets
 * ESME_RINVDSTADR, {@link #respondAfterMillis} delays every response.
 */
final class SmppTestServer implements AutoCloseable {

  static final String INVALID = "8613900000000";
  static final String PASSWORD = "pw";

  record Submitted(String destination, byte dataCoding, byte esmClass, byte[] shortMessage, String id) {
    String text() {
      boolean udh = (esmClass & 0x40) != 0;
      int skip = udh ? (shortMessage[0] & 0xFF) + 1 : 0;
      byte[] body = java.util.Arrays.copyOfRange(shortMessage, skip, shortMessage.length);
      return dataCoding == 0x08 ? new String(body, StandardCharsets.UTF_16BE) : SmsSegmentsTest.gsmToString(body);
    }
  }

  private final SMPPServerSessionListener listener;
  private final int port;
  private final ExecutorService acceptor = Executors.newSingleThreadExecutor();
  private final ExecutorService receiptSender = Executors.newSingleThreadExecutor();
  private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
  final List<Submitted> submitted = new CopyOnWriteArrayList<>();
  final AtomicInteger binds = new AtomicInteger();
  final AtomicInteger throttleNext = new AtomicInteger();
  final AtomicLong respondAfterMillis = new AtomicLong();
  /** The UDH sequence number (1-based) of a concatenated part to throttle once; 0 for none. */
  final AtomicInteger throttlePartOnce = new AtomicInteger();
  final AtomicInteger enquireLinks = new AtomicInteger();
  /**
   * Send each receipt before the submit_sm_resp it belongs to: the order in which a client's
   * processing threads may see them anyway, made certain.
   */
  volatile boolean receiptBeforeResponse;
  volatile Function<String, DeliveryReceiptState> receiptState = destination -> DeliveryReceiptState.DELIVRD;
  private final AtomicLong ids = new AtomicLong(1000);

  SmppTestServer() throws IOException {
    this(0);
  }

  SmppTestServer(int fixedPort) throws IOException {
    LoopbackFactory factory = new LoopbackFactory();
    listener = new SMPPServerSessionListener(fixedPort, factory);
    port = factory.socket.getLocalPort();
    listener.setMessageReceiverListener(new Receiver());
    listener.setResponseDeliveryListener(new ServerResponseDeliveryAdapter() {
      @Override
      public void onSubmitSmRespSent(SubmitSmResult result, SMPPServerSession source) {
        if (!receiptBeforeResponse) {
          receiptSender.submit(() -> sendReceipt(result.getMessageId(), source));
        }
      }
    });
    acceptor.submit(this::acceptLoop);
  }

  int port() {
    return port;
  }

  private void acceptLoop() {
    while (true) {
      try {
        SMPPServerSession session = listener.accept();
        BindRequest bind = session.waitForBind(5_000);
        if (PASSWORD.equals(bind.getPassword())) {
          bind.accept("test-smsc");
          sessions.add(session);
          binds.incrementAndGet();
        } else {
          bind.reject(SMPPConstant.STAT_ESME_RINVPASWD);
        }
      } catch (Exception e) {
        return;
      }
    }
  }

  private void sendReceipt(String id, SMPPServerSession session) {
    Submitted message = submitted.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    DeliveryReceiptState state = receiptState.apply(message.destination());
    DeliveryReceipt receipt = new DeliveryReceipt(id, 1, state == DeliveryReceiptState.DELIVRD ? 1 : 0, new Date(),
        new Date(), state, state == DeliveryReceiptState.DELIVRD ? "000" : "001", "");
    try {
      session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, message.destination(),
          TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "10690000",
          new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT), (byte) 0, (byte) 0,
          new RegisteredDelivery(0), DataCodings.ZERO, receipt.toString().getBytes(StandardCharsets.US_ASCII),
          new OptionalParameter.Receipted_message_id(id));
    } catch (Exception e) {
      // The client went away; the receipt is lost as with a real SMSC.
    }
  }

  /** A text from a handset to our number, as a deliver_sm that is not a receipt, on every bound session. */
  void sendMobileOriginated(String from, String text) throws Exception {
    boolean gsm = text.chars().allMatch(c -> c < 0x80);
    byte[] body = text.getBytes(gsm ? StandardCharsets.US_ASCII : StandardCharsets.UTF_16BE);
    for (SMPPServerSession session : sessions) {
      session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, from,
          TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "10690000",
          new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.DEFAULT), (byte) 0, (byte) 0,
          new RegisteredDelivery(0), gsm ? DataCodings.ZERO : new org.jsmpp.bean.GeneralDataCoding(
              org.jsmpp.bean.Alphabet.ALPHA_UCS2), body);
    }
  }

  /** Closes every bound session, as a dropped link would, and keeps listening. */
  void dropSessions() {
    sessions.forEach(SMPPServerSession::close);
    sessions.clear();
  }

  @Override
  public void close() throws IOException {
    listener.close();
    dropSessions();
    acceptor.shutdownNow();
    receiptSender.shutdownNow();
  }

  private final class Receiver implements ServerMessageReceiverListener {
    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source) throws ProcessRequestException {
      long delay = respondAfterMillis.get();
      if (delay > 0) {
        try {
          Thread.sleep(delay);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      boolean udh = (submitSm.getEsmClass() & 0x40) != 0;
      int part = throttlePartOnce.get();
      if (udh && part > 0 && submitSm.getShortMessage()[5] == part && throttlePartOnce.compareAndSet(part, 0)) {
        throw new ProcessRequestException("throttled", SMPPConstant.STAT_ESME_RTHROTTLED);
      }
      if (throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throw new ProcessRequestException("throttled", SMPPConstant.STAT_ESME_RTHROTTLED);
      }
      if (INVALID.equals(submitSm.getDestAddress())) {
        throw new ProcessRequestException("no such subscriber", SMPPConstant.STAT_ESME_RINVDSTADR);
      }
      String id = Long.toString(ids.incrementAndGet());
      submitted.add(new Submitted(submitSm.getDestAddress(), submitSm.getDataCoding(), submitSm.getEsmClass(),
          submitSm.getShortMessage(), id));
      if (receiptBeforeResponse) {
        sendReceipt(id, source);
      }
      try {
        return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
      } catch (Exception e) {
        throw new ProcessRequestException("id", SMPPConstant.STAT_ESME_RSYSERR);
      }
    }

    @Override
    public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
        throws ProcessRequestException {
      throw new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
      throw new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
      throw new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
      throw new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
        throws ProcessRequestException {
      throw new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
        throws ProcessRequestException {
      throw new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source)
        throws ProcessRequestException {
      throw new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
      throw new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public void onAcceptEnquireLink(org.jsmpp.bean.EnquireLink enquireLink, Session source) {
      enquireLinks.incrementAndGet();
    }
  }

  /** Listens on loopback only: a test's SMSC must not be reachable from other hosts. */
  private static final class LoopbackFactory implements ServerConnectionFactory {
    ServerSocket socket;

    @Override
    public ServerConnection listen(int port) throws IOException {
      return listen(port, 0, 50);
    }

    @Override
    public ServerConnection listen(int port, int timeout) throws IOException {
      return listen(port, timeout, 50);
    }

    @Override
    public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
      socket = new ServerSocket();
      socket.setReuseAddress(true);
      socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), backlog);
      socket.setSoTimeout(timeout);
      return new ServerSocketConnection(socket);
    }
  }
}
