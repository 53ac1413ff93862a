package io.engage.connectors.sms;

import io.engage.connectors.Channel;
import io.engage.connectors.ChannelConnector;
import io.engage.connectors.DeliveryReceipt;
import io.engage.connectors.DeliveryReceiptListener;
import io.engage.connectors.DeliveryResult;
import io.engage.connectors.DeliveryResult.Failure;
import io.engage.connectors.OutboundMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCoding;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.ConnectionFactory;
import org.jsmpp.session.connection.socket.SocketConnection;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SMS through an SMSC over SMPP 3.4 (jSMPP), bound as a transceiver.
 *
 * <ul>
 *   <li><b>Link:</b> binds on first use; enquire_link after {@code enquireLinkInterval} of silence
 *       detects a dead link; when the session drops it rebinds in the background with a backoff
 *       that doubles from {@code reconnectDelay} to a minute. While unbound, sends fail at once as
 *       {@link Failure#CONNECTION} (nothing was sent, so failover is safe).</li>
 *   <li><b>Text:</b> GSM 7-bit when every character fits, else UCS-2 (Chinese); a long text goes as
 *       concatenated parts with a UDH (8-bit reference). If a later part fails for now (throttled),
 *       the parts already accepted are remembered under the idempotency key and a retry resumes at
 *       the failed part with the same reference, so the handset never gets a part twice.</li>
 *   <li><b>Result:</b> the SMSC's message id of the first part. Throttling (ESME_RTHROTTLED,
 *       ESME_RMSGQFUL) is {@link Failure#THROTTLED}; an invalid destination is
 *       {@link Failure#INVALID_RECIPIENT}; no submit_sm_resp in time is {@link Failure#TIMEOUT}
 *       (the SMSC may have taken it; SMPP has no way to ask).</li>
 *   <li><b>Receipts:</b> deliver_sm receipts (stat DELIVRD, UNDELIV, EXPIRED, REJECTD, ...) go to
 *       the {@link DeliveryReceiptListener} under the first part's id: delivered when every part was,
 *       failed as soon as one part failed. Receipts of parts sent before a restart arrive under their
 *       own ids. A part's receipt read before its submit_sm_resp is parked until the part is
 *       registered.</li>
 *   <li><b>Replies:</b> a deliver_sm that is not a receipt (a handset's reply, e.g. "TD") goes to
 *       the {@link InboundSmsListener}; it is acknowledged only once the listener returned.</li>
 * </ul>
 */
public final class SmppSmsConnector implements ChannelConnector, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SmppSmsConnector.class);
  private static final Pattern DIGITS = Pattern.compile("\\+?[0-9]{3,20}");
  private static final Duration MAX_RECONNECT_DELAY = Duration.ofMinutes(1);
  private static final Duration PARTIAL_TTL = Duration.ofHours(24);
  private static final Duration RECEIPT_TTL = Duration.ofDays(3);

  private final SmppSettings settings;
  private final DeliveryReceiptListener receipts;
  private final InboundSmsListener inbound;
  private final ScheduledExecutorService reconnector;
  private final AtomicInteger references = new AtomicInteger();
  /** Parts accepted of concatenated messages that failed half way, by idempotency key. */
  private final Map<String, Partial> partials = new ConcurrentHashMap<>();
  /** Receipts still expected for parts of concatenated messages, by part id. */
  private final Map<String, Concatenated> awaitingReceipts = new ConcurrentHashMap<>();
  /**
   * Receipts that came while a concatenated message was being submitted and matched no registered
   * part: jSMPP hands a deliver_sm to its processing threads independently of the submit_sm_resp
   * before it, so a part's receipt can be read before the sender has registered the part's id.
   * They wait here for that registration, or are reported on their own once no concatenated
   * message is in flight. Guarded by {@link #receiptLock}, like {@link #concatenatedInFlight}.
   */
  private final Map<String, ParkedReceipt> parkedReceipts = new java.util.LinkedHashMap<>();
  private final Object receiptLock = new Object();
  private int concatenatedInFlight;
  private final Object bindLock = new Object();
  private volatile SMPPSession session;
  private volatile boolean closed;
  private volatile String lastBindFailure;
  private volatile long lastBindFailureAt;
  /** The SMSC answered the bind with an error (wrong system id or password), as opposed to silence. */
  private volatile boolean lastBindRefused;
  private Duration nextReconnectDelay;

  public SmppSmsConnector(SmppSettings settings, DeliveryReceiptListener receipts) {
    this(settings, receipts, InboundSmsListener.IGNORE);
  }

  public SmppSmsConnector(SmppSettings settings, DeliveryReceiptListener receipts, InboundSmsListener inbound) {
    this.settings = settings;
    this.receipts = receipts == null ? DeliveryReceiptListener.IGNORE : receipts;
    this.inbound = inbound == null ? InboundSmsListener.IGNORE : inbound;
    this.nextReconnectDelay = settings.reconnectDelay();
    this.reconnector = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "smpp-reconnect-" + settings.name());
      thread.setDaemon(true);
      return thread;
    });
    reconnector.scheduleWithFixedDelay(this::forgetOldState, 10, 10, TimeUnit.MINUTES);
  }

  @Override
  public Channel channel() {
    return Channel.SMS;
  }

  @Override
  public String provider() {
    return settings.name();
  }

  /** Whether the session is bound now. */
  public boolean isBound() {
    SMPPSession current = session;
    return current != null && current.getSessionState().isBound();
  }

  @Override
  public DeliveryResult send(OutboundMessage message) {
    String text = message.textBody();
    if (text == null || text.isBlank()) {
      return DeliveryResult.permanentFailure("empty text");
    }
    String destination = message.recipient() == null ? "" : message.recipient().strip();
    if (!DIGITS.matcher(destination).matches()) {
      return DeliveryResult.invalidRecipient("invalid phone number");
    }
    SmsSegments segments;
    try {
      segments = SmsSegments.of(text);
    } catch (IllegalArgumentException e) {
      return DeliveryResult.permanentFailure(e.getMessage());
    }
    SMPPSession bound;
    try {
      bound = boundSession();
    } catch (IOException e) {
      return DeliveryResult.failed(lastBindRefused ? Failure.AUTHENTICATION : Failure.CONNECTION,
          "not bound to " + settings.name() + ": " + e.getMessage());
    }
    String key = message.idempotencyKey();
    Partial partial = key == null ? null : partials.get(key);
    if (partial == null || partial.textHash != text.hashCode() || partial.ids.size() >= segments.parts().size()) {
      partial = new Partial(text.hashCode(), references.incrementAndGet() & 0xFF, segments.parts().size(), Instant.now());
    }
    boolean concatenated = segments.concatenated();
    if (concatenated) {
      synchronized (receiptLock) {
        concatenatedInFlight++;
      }
    }
    try {
      for (int i = partial.ids.size(); i < segments.parts().size(); i++) {
        DeliveryResult failure = submit(bound, destination, segments, partial, i);
        if (failure != null) {
          if (failure.outcome() == DeliveryResult.Outcome.TRANSIENT_FAILURE && !partial.ids.isEmpty() && key != null) {
            partials.put(key, partial);
          } else if (key != null) {
            partials.remove(key);
          }
          return partial.ids.isEmpty() ? failure : DeliveryResult.failed(failure.failure(),
              "part " + (i + 1) + " of " + segments.parts().size() + ": " + failure.reason(), failure.retryAfter());
        }
        if (concatenated) {
          awaitPartReceipt(partial.ids.get(i), partial.receipts);
        }
      }
    } finally {
      if (concatenated) {
        concatenatedSendEnded();
      }
    }
    if (key != null) {
      partials.remove(key);
    }
    return DeliveryResult.sent(partial.ids.getFirst());
  }

  /** Submits one part; null when accepted (its id is added to the partial). */
  private DeliveryResult submit(SMPPSession bound, String destination, SmsSegments segments, Partial partial, int index) {
    byte[] payload = segments.parts().get(index);
    ESMClass esm = new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.DEFAULT);
    if (segments.concatenated()) {
      byte[] udh = segments.udh(partial.reference, index);
      byte[] withUdh = new byte[udh.length + payload.length];
      System.arraycopy(udh, 0, withUdh, 0, udh.length);
      System.arraycopy(payload, 0, withUdh, udh.length, payload.length);
      payload = withUdh;
      esm = new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI);
    }
    DataCoding coding = segments.coding() == SmsSegments.Coding.UCS2
        ? new GeneralDataCoding(Alphabet.ALPHA_UCS2) : new GeneralDataCoding(Alphabet.ALPHA_DEFAULT);
    boolean international = destination.startsWith("+");
    try {
      String id = bound.submitShortMessage(null,
          sourceTon(), sourceNpi(), settings.sourceAddress().replaceFirst("^\\+", ""),
          international ? TypeOfNumber.INTERNATIONAL : TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN,
          international ? destination.substring(1) : destination,
          esm, (byte) 0, (byte) 1, null, null,
          new RegisteredDelivery(settings.requestDeliveryReceipts()
              ? SMSCDeliveryReceipt.SUCCESS_FAILURE : SMSCDeliveryReceipt.DEFAULT),
          (byte) 0, coding, (byte) 0, payload).getMessageId();
      partial.ids.add(id);
      return null;
    } catch (NegativeResponseException e) {
      return classify(e.getCommandStatus());
    } catch (ResponseTimeoutException e) {
      return DeliveryResult.failed(Failure.TIMEOUT, "no submit_sm_resp within " + settings.responseTimeout());
    } catch (PDUException e) {
      return DeliveryResult.permanentFailure("SMSC would refuse the PDU: " + e.getMessage());
    } catch (InvalidResponseException e) {
      return DeliveryResult.failed(Failure.PROVIDER_ERROR, "invalid response: " + e.getMessage());
    } catch (IOException e) {
      // jSMPP refuses before writing when the session is not bound; a write that broke may or may
      // not have reached the SMSC, but a half-written PDU is not processed.
      return DeliveryResult.failed(Failure.CONNECTION, "SMPP link: " + e.getMessage());
    }
  }

  /** command_status of a negative submit_sm_resp, as SMPP 3.4 section 5.1.3 names them. */
  static DeliveryResult classify(int status) {
    String reason = String.format("command_status 0x%08X (%s)", status, statusName(status));
    return switch (status) {
      case SMPPConstant.STAT_ESME_RTHROTTLED, SMPPConstant.STAT_ESME_RMSGQFUL -> DeliveryResult.throttled(reason, null);
      case SMPPConstant.STAT_ESME_RINVDSTADR, SMPPConstant.STAT_ESME_RINVDSTTON, SMPPConstant.STAT_ESME_RINVDSTNPI ->
          DeliveryResult.invalidRecipient(reason);
      case SMPPConstant.STAT_ESME_RINVBNDSTS, SMPPConstant.STAT_ESME_RSYSERR, SMPPConstant.STAT_ESME_RSUBMITFAIL,
          SMPPConstant.STAT_ESME_RX_T_APPN, SMPPConstant.STAT_ESME_RUNKNOWNERR ->
          DeliveryResult.failed(Failure.PROVIDER_ERROR, reason);
      case SMPPConstant.STAT_ESME_RINVMSGLEN, SMPPConstant.STAT_ESME_RINVSRCADR, SMPPConstant.STAT_ESME_RINVESMCLASS,
          SMPPConstant.STAT_ESME_RINVDCS, SMPPConstant.STAT_ESME_RX_P_APPN, SMPPConstant.STAT_ESME_RX_R_APPN,
          SMPPConstant.STAT_ESME_RINVSRCTON, SMPPConstant.STAT_ESME_RINVSRCNPI ->
          DeliveryResult.permanentFailure(reason);
      default -> DeliveryResult.failed(Failure.PROVIDER_ERROR, reason);
    };
  }

  private static String statusName(int status) {
    return switch (status) {
      case SMPPConstant.STAT_ESME_RTHROTTLED -> "ESME_RTHROTTLED";
      case SMPPConstant.STAT_ESME_RMSGQFUL -> "ESME_RMSGQFUL";
      case SMPPConstant.STAT_ESME_RINVDSTADR -> "ESME_RINVDSTADR";
      case SMPPConstant.STAT_ESME_RINVDSTTON -> "ESME_RINVDSTTON";
      case SMPPConstant.STAT_ESME_RINVDSTNPI -> "ESME_RINVDSTNPI";
      case SMPPConstant.STAT_ESME_RSYSERR -> "ESME_RSYSERR";
      case SMPPConstant.STAT_ESME_RSUBMITFAIL -> "ESME_RSUBMITFAIL";
      case SMPPConstant.STAT_ESME_RINVMSGLEN -> "ESME_RINVMSGLEN";
      case SMPPConstant.STAT_ESME_RINVSRCADR -> "ESME_RINVSRCADR";
      case SMPPConstant.STAT_ESME_RX_T_APPN -> "ESME_RX_T_APPN";
      case SMPPConstant.STAT_ESME_RX_P_APPN -> "ESME_RX_P_APPN";
      case SMPPConstant.STAT_ESME_RX_R_APPN -> "ESME_RX_R_APPN";
      case SMPPConstant.STAT_ESME_RINVBNDSTS -> "ESME_RINVBNDSTS";
      default -> "see SMPP 3.4 5.1.3";
    };
  }

  private TypeOfNumber sourceTon() {
    String source = settings.sourceAddress();
    if (!DIGITS.matcher(source).matches()) {
      return TypeOfNumber.ALPHANUMERIC;
    }
    return source.startsWith("+") ? TypeOfNumber.INTERNATIONAL : TypeOfNumber.UNKNOWN;
  }

  private NumberingPlanIndicator sourceNpi() {
    return DIGITS.matcher(settings.sourceAddress()).matches() ? NumberingPlanIndicator.ISDN
        : NumberingPlanIndicator.UNKNOWN;
  }

  /** The bound session, binding now if there is none and the last attempt was not just now. */
  private SMPPSession boundSession() throws IOException {
    SMPPSession current = session;
    if (current != null && current.getSessionState().isBound()) {
      return current;
    }
    synchronized (bindLock) {
      current = session;
      if (current != null && current.getSessionState().isBound()) {
        return current;
      }
      if (closed) {
        throw new IOException("connector closed");
      }
      long sinceFailure = System.nanoTime() - lastBindFailureAt;
      if (lastBindFailure != null && sinceFailure < settings.reconnectDelay().toNanos()) {
        throw new IOException(lastBindFailure);
      }
      return bind();
    }
  }

  /** Called with bindLock held. */
  private SMPPSession bind() throws IOException {
    SMPPSession fresh = new SMPPSession(new TimedConnectionFactory((int) settings.connectTimeout().toMillis()));
    fresh.setEnquireLinkTimer((int) settings.enquireLinkInterval().toMillis());
    fresh.setTransactionTimer(settings.responseTimeout().toMillis());
    fresh.setMessageReceiverListener(new ReceiptReceiver());
    try {
      fresh.connectAndBind(settings.host(), settings.port(), new BindParameter(BindType.BIND_TRX, settings.systemId(),
          settings.password(), settings.systemType(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null),
          settings.connectTimeout().toMillis());
    } catch (IOException e) {
      lastBindFailure = String.valueOf(e.getMessage());
      lastBindFailureAt = System.nanoTime();
      lastBindRefused = e.getCause() instanceof NegativeResponseException;
      scheduleRebind();
      throw e;
    }
    fresh.addSessionStateListener(this::onStateChange);
    session = fresh;
    lastBindFailure = null;
    nextReconnectDelay = settings.reconnectDelay();
    log.info("Bound to SMSC {} as transceiver", settings.name());
    return fresh;
  }

  private void onStateChange(SessionState newState, SessionState oldState, Session source) {
    if (newState == SessionState.CLOSED && source == session && !closed) {
      log.warn("SMPP session to {} closed; rebinding", settings.name());
      scheduleRebind();
    }
  }

  private void scheduleRebind() {
    if (closed) {
      return;
    }
    Duration delay;
    synchronized (bindLock) {
      delay = nextReconnectDelay;
      Duration doubled = nextReconnectDelay.multipliedBy(2);
      nextReconnectDelay = doubled.compareTo(MAX_RECONNECT_DELAY) > 0 ? MAX_RECONNECT_DELAY : doubled;
    }
    try {
      reconnector.schedule(this::rebindInBackground, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // Closing.
    }
  }

  private void rebindInBackground() {
    synchronized (bindLock) {
      if (closed || isBound()) {
        return;
      }
      try {
        bind();
      } catch (IOException e) {
        log.warn("Rebinding to SMSC {} failed: {}", settings.name(), e.getMessage());
      }
    }
  }

  /** Registers a part's id for its receipt, and settles a receipt of it that came first. */
  private void awaitPartReceipt(String partId, Concatenated message) {
    ParkedReceipt early;
    synchronized (receiptLock) {
      early = parkedReceipts.remove(partId);
      if (early == null) {
        awaitingReceipts.put(partId, message);
        return;
      }
    }
    settle(partId, early.delivered(), early.reason(), message);
  }

  /** Reports parked receipts nobody claimed once no concatenated message is being submitted. */
  private void concatenatedSendEnded() {
    List<ParkedReceipt> unclaimed;
    synchronized (receiptLock) {
      if (--concatenatedInFlight > 0 || parkedReceipts.isEmpty()) {
        return;
      }
      unclaimed = new ArrayList<>(parkedReceipts.values());
      parkedReceipts.clear();
    }
    unclaimed.forEach(r -> report(r.id(), r.delivered(), r.reason()));
  }

  private void onReceipt(DeliverSm deliverSm) {
    org.jsmpp.bean.DeliveryReceipt receipt;
    try {
      receipt = deliverSm.getShortMessageAsDeliveryReceipt();
    } catch (InvalidDeliveryReceiptException e) {
      log.warn("Unreadable delivery receipt from {}: {}", settings.name(), e.getMessage());
      return;
    }
    OptionalParameter receipted = deliverSm.getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID);
    String id = receipted instanceof OptionalParameter.COctetString text ? text.getValueAsString() : receipt.getId();
    DeliveryReceiptState state = receipt.getFinalStatus();
    if (state == null || state == DeliveryReceiptState.ENROUTE || state == DeliveryReceiptState.ACCEPTD) {
      return;
    }
    boolean delivered = state == DeliveryReceiptState.DELIVRD;
    String reason = delivered ? null : state.name() + " err=" + receipt.getError();
    Concatenated concatenated;
    synchronized (receiptLock) {
      concatenated = awaitingReceipts.remove(id);
      if (concatenated == null && concatenatedInFlight > 0) {
        parkedReceipts.put(id, new ParkedReceipt(id, delivered, reason));
        return;
      }
    }
    if (concatenated != null) {
      settle(id, delivered, reason, concatenated);
    } else {
      report(id, delivered, reason);
    }
  }

  /** One part's receipt of a concatenated message; the message's receipt goes out once, under its first id. */
  private void settle(String partId, boolean delivered, String reason, Concatenated message) {
    if (!message.partSettled(delivered)) {
      return;
    }
    boolean allDelivered = !message.anyFailed();
    report(message.firstId(), allDelivered, allDelivered ? null : reason);
  }

  private void report(String id, boolean delivered, String reason) {
    DeliveryReceipt report = new DeliveryReceipt(Channel.SMS, settings.name(), id,
        delivered ? DeliveryReceipt.Status.DELIVERED : DeliveryReceipt.Status.FAILED, reason, Instant.now());
    try {
      receipts.onReceipt(report);
    } catch (RuntimeException e) {
      log.warn("Receipt listener failed for {}", id, e);
    }
  }

  /** A reply from a handset (e.g. "TD" to unsubscribe). Never logged: number and text are personal. */
  private void onMobileOriginated(DeliverSm deliverSm) throws ProcessRequestException {
    byte[] body = deliverSm.getShortMessage() == null ? new byte[0] : deliverSm.getShortMessage();
    if ((deliverSm.getEsmClass() & 0x40) != 0 && body.length > 0) {
      // A part of a concatenated reply: keywords fit in one part, so the text after the UDH is enough.
      int skip = Math.min(body.length, (body[0] & 0xFF) + 1);
      body = java.util.Arrays.copyOfRange(body, skip, body.length);
    }
    String text = decode(body, deliverSm.getDataCoding());
    String from = deliverSm.getSourceAddr() == null ? "" : deliverSm.getSourceAddr().strip();
    if (deliverSm.getSourceAddrTon() == TypeOfNumber.INTERNATIONAL.value() && !from.startsWith("+")) {
      from = "+" + from;
    }
    try {
      inbound.onInbound(new InboundSms(settings.name(), from, deliverSm.getDestAddress(), text, Instant.now()));
    } catch (RuntimeException e) {
      log.warn("Inbound SMS listener of {} failed: {}", settings.name(), e.getClass().getSimpleName());
      // Not acknowledged: the SMSC delivers it again later.
      throw new ProcessRequestException("could not take the message", SMPPConstant.STAT_ESME_RX_T_APPN);
    }
  }

  /**
   * UCS-2 for data_coding 8 (Chinese replies such as 退订), else one character per byte: the GSM
   * default alphabet unpacked, Latin-1 and ASCII agree on the letters of the keywords.
   */
  static String decode(byte[] body, byte dataCoding) {
    return dataCoding == 0x08 ? new String(body, java.nio.charset.StandardCharsets.UTF_16BE)
        : new String(body, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  private void forgetOldState() {
    Instant now = Instant.now();
    partials.values().removeIf(p -> p.createdAt.plus(PARTIAL_TTL).isBefore(now));
    awaitingReceipts.values().removeIf(c -> c.createdAt.plus(RECEIPT_TTL).isBefore(now));
  }

  private record ParkedReceipt(String id, boolean delivered, String reason) {}

  /** Unbinds and stops reconnecting. */
  @Override
  public void close() {
    closed = true;
    reconnector.shutdownNow();
    SMPPSession current = session;
    if (current != null) {
      // An SMSC busy sending receipts may never answer the unbind; do not hold shutdown for long.
      current.setTransactionTimer(Math.min(settings.responseTimeout().toMillis(), 500));
      current.unbindAndClose();
    }
  }

  private static final class Partial {
    final int textHash;
    final int reference;
    final Instant createdAt;
    final List<String> ids = new ArrayList<>();
    final Concatenated receipts;

    Partial(int textHash, int reference, int parts, Instant createdAt) {
      this.textHash = textHash;
      this.reference = reference;
      this.createdAt = createdAt;
      this.receipts = new Concatenated(this, parts, createdAt);
    }
  }

  /** Receipts of one concatenated message: settled when every part reported. */
  private static final class Concatenated {
    private final Partial message;
    final Instant createdAt;
    private int outstanding;
    private boolean failed;
    private boolean reported;

    Concatenated(Partial message, int parts, Instant createdAt) {
      this.message = message;
      this.outstanding = parts;
      this.createdAt = createdAt;
    }

    /** The message's id: its first part's (accepted before any later part was sent). */
    String firstId() {
      return message.ids.getFirst();
    }

    /** Records a part; true when the message's receipt should go out now (once). */
    synchronized boolean partSettled(boolean delivered) {
      outstanding--;
      failed |= !delivered;
      if (reported || (outstanding > 0 && !failed)) {
        return false;
      }
      reported = true;
      return true;
    }

    synchronized boolean anyFailed() {
      return failed;
    }
  }

  private final class ReceiptReceiver implements MessageReceiverListener {
    @Override
    public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
      if (MessageType.SMSC_DEL_RECEIPT.containedIn(deliverSm.getEsmClass())) {
        onReceipt(deliverSm);
      } else {
        onMobileOriginated(deliverSm);
      }
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {
      // Not used by SMS sending.
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
      throw new ProcessRequestException("data_sm not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }
  }

  /** jSMPP's default socket factory has no connect timeout: a black-holed SMSC would hang a sender. */
  private record TimedConnectionFactory(int timeoutMillis) implements ConnectionFactory {
    @Override
    public Connection createConnection(String host, int port) throws IOException {
      Socket socket = new Socket();
      try {
        socket.connect(new InetSocketAddress(host, port), timeoutMillis);
      } catch (IOException e) {
        socket.close();
        throw e;
      }
      return new SocketConnection(socket);
    }
  }
}
