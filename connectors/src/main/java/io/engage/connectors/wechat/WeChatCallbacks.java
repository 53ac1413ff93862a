package io.engage.connectors.wechat;

import io.engage.connectors.Channel;
import io.engage.connectors.DeliveryReceipt;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * What the Official Account's server URL receives from WeChat, for the engine's webhook: the
 * signature check of every callback (SHA-1 of the sorted token, timestamp and nonce) and the
 * TEMPLATESENDJOBFINISH event, WeChat's delivery receipt for a template message. Plain-text
 * (non-encrypted) mode.
 */
public final class WeChatCallbacks {

  private final String callbackToken;
  private final String provider;

  /**
   * @param callbackToken the Token set in the account's server configuration
   * @param provider the name of the connector's provider, so receipts match its messages
   */
  public WeChatCallbacks(String callbackToken, String provider) {
    this.callbackToken = callbackToken;
    this.provider = provider;
  }

  public boolean signatureValid(String signature, String timestamp, String nonce) {
    if (signature == null || timestamp == null || nonce == null) {
      return false;
    }
    String[] parts = {callbackToken, timestamp, nonce};
    Arrays.sort(parts);
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1")
          .digest(String.join("", parts).getBytes(StandardCharsets.UTF_8));
      return MessageDigest.isEqual(HexFormat.of().formatHex(digest).getBytes(StandardCharsets.US_ASCII),
          signature.toLowerCase().getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM ships SHA-1", e);
    }
  }

  /**
   * The receipt in a TEMPLATESENDJOBFINISH event: Status "success" is delivered, "failed:user
   * block" and "failed: system failed" are failures with that status as the reason. Empty for any
   * other event or an unreadable body.
   */
  public Optional<DeliveryReceipt> templateJobFinished(String xml) {
    Document document;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      // A callback body is untrusted: no DTDs, no external entities.
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      return Optional.empty();
    }
    if (!"TEMPLATESENDJOBFINISH".equals(text(document, "Event"))) {
      return Optional.empty();
    }
    String msgId = text(document, "MsgID");
    String status = text(document, "Status");
    if (msgId == null || status == null) {
      return Optional.empty();
    }
    boolean delivered = status.equals("success");
    String created = text(document, "CreateTime");
    Instant at = created == null ? Instant.now() : Instant.ofEpochSecond(Long.parseLong(created));
    return Optional.of(new DeliveryReceipt(Channel.WECHAT, provider, msgId,
        delivered ? DeliveryReceipt.Status.DELIVERED : DeliveryReceipt.Status.FAILED, delivered ? null : status, at));
  }

  private static String text(Document document, String element) {
    NodeList nodes = document.getElementsByTagName(element);
    return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
  }
}
