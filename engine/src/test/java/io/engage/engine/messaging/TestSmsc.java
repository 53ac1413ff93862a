package io.engage.engine.messaging;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
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
import org.jsmpp.util.MessageId;

/**
 * A real SMPP peer for the engine's tests: jSMPP's server session on loopback. Binds with the
 * password {@link #PASSWORD}; answers each submit_sm with a message id and then sends the
 * deliver_sm receipt (DELIVRD, or UNDELIV for {@link #UNDELIVERABLE}); refuses {@link #INVALID}
 * with ESME_RINVDSTADR.
 */
final class TestSmsc implements AutoCloseable {

  static final String PASSWORD = "smsc-pw";
  static final String INVALID = "+8613900000000";
  static final String UNDELIVERABLE = "+8613911111111";

  record Submitted(String destination, String text, String id) {}

  final List<Submitted> submitted = new CopyOnWriteArrayList<>();
  private final SMPPServerSessionListener listener;
  private final ExecutorService acceptor = Executors.newSingleThreadExecutor();
  private final ExecutorService receipts = Executors.newSingleThreadExecutor();
  private final AtomicLong ids = new AtomicLong(7_000);
  private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
  private volatile boolean running = true;

  TestSmsc() throws IOException {
    ServerConnectionFactory loopback = new ServerConnectionFactory() {
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
        ServerSocket socket = new ServerSocket(port, backlog, InetAddress.getLoopbackAddress());
        socket.setSoTimeout(timeout);
        return new ServerSocketConnection(socket);
      }
    };
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    listener = new SMPPServerSessionListener(port, 1000, loopback);
    acceptor.submit(this::acceptLoop);
  }

  int port() {
    return listener.getPort();
  }

  private void acceptLoop() {
    while (running) {
      try {
        SMPPServerSession session = listener.accept();
        sessions.add(session);
        session.setMessageReceiverListener(new Receiver());
        session.setResponseDeliveryListener(new ServerResponseDeliveryAdapter() {
          @Override
          public void onSubmitSmRespSent(SubmitSmResult result, SMPPServerSession source) {
            receipts.submit(() -> sendReceipt(source, result.getMessageId()));
          }
        });
        BindRequest bind = session.waitForBind(5_000);
        if (PASSWORD.equals(bind.getPassword())) {
          bind.accept("test-smsc");
        } else {
          bind.reject(SMPPConstant.STAT_ESME_RINVPASWD);
        }
      } catch (java.net.SocketTimeoutException e) {
        // look at running again
      } catch (Exception e) {
        if (running) {
          e.printStackTrace();
        }
      }
    }
  }

  /** A reply from a handset (mobile-originated deliver_sm, GSM or UCS-2) on every bound session. */
  void sendMobileOriginated(String from, String text) throws Exception {
    boolean gsm = text.chars().allMatch(c -> c < 0x80);
    for (SMPPServerSession session : sessions) {
      if (!session.getSessionState().isBound()) {
        continue;
      }
      session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, from,
          TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "10690000",
          new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.DEFAULT), (byte) 0, (byte) 0,
          new RegisteredDelivery(0), gsm ? DataCodings.ZERO
              : new org.jsmpp.bean.GeneralDataCoding(org.jsmpp.bean.Alphabet.ALPHA_UCS2),
          text.getBytes(gsm ? StandardCharsets.US_ASCII : StandardCharsets.UTF_16BE));
    }
  }

  private void sendReceipt(SMPPServerSession session, String id) {
    Submitted message = submitted.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    boolean delivered = !message.destination().equals(UNDELIVERABLE);
    String date = new SimpleDateFormat("yyMMddHHmm").format(new Date());
    String receipt = "id:" + id + " sub:001 dlvrd:" + (delivered ? "001" : "000") + " submit date:" + date
        + " done date:" + date + " stat:" + (delivered ? "DELIVRD" : "UNDELIV") + " err:" + (delivered ? "000" : "013")
        + " text:";
    try {
      session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, message.destination(),
          TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "Engage",
          new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT), (byte) 0,
          (byte) 0, new RegisteredDelivery(0), DataCodings.ZERO, receipt.getBytes(StandardCharsets.US_ASCII));
    } catch (Exception e) {
      e.printStackTrace();
    }
  }

  private final class Receiver implements ServerMessageReceiverListener {
    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession source) throws ProcessRequestException {
      String destination = (submit.getDestAddrTon() == TypeOfNumber.INTERNATIONAL.value() ? "+" : "")
          + submit.getDestAddress();
      if (destination.equals(INVALID) || submit.getDestAddress().equals(INVALID.substring(1))) {
        throw new ProcessRequestException("invalid destination", SMPPConstant.STAT_ESME_RINVDSTADR);
      }
      String id = Long.toHexString(ids.incrementAndGet());
      byte coding = submit.getDataCoding();
      String text = coding == 0x08 ? new String(submit.getShortMessage(), StandardCharsets.UTF_16BE)
          : new String(submit.getShortMessage(), StandardCharsets.ISO_8859_1);
      submitted.add(new Submitted(destination.startsWith("+") ? destination : "+" + destination, text, id));
      try {
        return new SubmitSmResult(new MessageId(id), new org.jsmpp.bean.OptionalParameter[0]);
      } catch (org.jsmpp.PDUStringException e) {
        throw new ProcessRequestException(e.getMessage(), SMPPConstant.STAT_ESME_RSYSERR);
      }
    }

    @Override
    public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
        throws ProcessRequestException {
      throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
      throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
      throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
      throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
        throws ProcessRequestException {
      throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
        throws ProcessRequestException {
      throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm,
        SMPPServerSession source) throws ProcessRequestException {
      throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
      throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }
  }

  @Override
  public void close() throws Exception {
    running = false;
    for (SMPPServerSession session : sessions) {
      session.unbindAndClose();
    }
    listener.close();
    acceptor.shutdownNow();
    receipts.shutdownNow();
  }
}
