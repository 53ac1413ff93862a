package io.engage.connectors.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import io.engage.connectors.DeliveryReceipt;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class WeChatCallbacksTest {

  private final WeChatCallbacks callbacks = new WeChatCallbacks("callback-token", "wechat");

  @Test
  void acceptsOnlyTheSignatureMadeWithTheToken() throws Exception {
    String[] parts = {"callback-token", "1731290000", "nonce-1"};
    Arrays.sort(parts);
    String signature = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(String.join("", parts).getBytes()));

    assertThat(callbacks.signatureValid(signature, "1731290000", "nonce-1")).isTrue();
    assertThat(callbacks.signatureValid(signature, "1731290001", "nonce-1")).isFalse();
    assertThat(callbacks.signatureValid(null, "1731290000", "nonce-1")).isFalse();
  }

  @Test
  void readsTemplateJobReceipts() {
    String delivered = event("200163836", "success");
    String blocked = event("200163840", "failed:user block");

    DeliveryReceipt ok = callbacks.templateJobFinished(delivered).orElseThrow();
    DeliveryReceipt refused = callbacks.templateJobFinished(blocked).orElseThrow();

    assertThat(ok.providerMessageId()).isEqualTo("200163836");
    assertThat(ok.status()).isEqualTo(DeliveryReceipt.Status.DELIVERED);
    assertThat(ok.at().getEpochSecond()).isEqualTo(1731290000L);
    assertThat(refused.status()).isEqualTo(DeliveryReceipt.Status.FAILED);
    assertThat(refused.reason()).isEqualTo("failed:user block");
  }

  @Test
  void otherEventsAndHostileXmlGiveNothing() {
    assertThat(callbacks.templateJobFinished("<xml><MsgType>event</MsgType><Event>subscribe</Event></xml>")).isEmpty();
    assertThat(callbacks.templateJobFinished("not xml")).isEmpty();
    assertThat(callbacks.templateJobFinished("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
        + "<xml><Event>TEMPLATESENDJOBFINISH</Event><MsgID>&e;</MsgID><Status>success</Status></xml>")).isEmpty();
  }

  private static String event(String msgId, String status) {
    return "<xml><ToUserName><![CDATA[gh_7f083739789a]]></ToUserName><FromUserName><![CDATA[oia2TjuEGTNoeX76QEjQNrcURxG8]]>"
        + "</FromUserName><CreateTime>1731290000</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA["
        + "TEMPLATESENDJOBFINISH]]></Event><MsgID>" + msgId + "</MsgID><Status><![CDATA[" + status + "]]></Status></xml>";
  }
}
