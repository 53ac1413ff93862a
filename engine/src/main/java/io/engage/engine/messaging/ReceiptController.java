package io.engage.engine.messaging;

import io.engage.connectors.DeliveryReceipt;
import io.engage.connectors.sms.HttpSmsGatewayConnector;
import io.engage.connectors.sms.InboundSms;
import io.engage.connectors.wechat.WeChatCallbacks;
import io.engage.engine.platform.web.ApiProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Delivery callbacks from providers. No login: an HTTP SMS gateway signs each callback with its
 * secret (signature, a five-minute window, nonces not seen before, checked by its connector);
 * WeChat signs its pushes to the Official Account's server URL with the account's token. A receipt
 * is stored before the answer, so an acknowledged receipt is never lost.
 */
@RestController
@RequestMapping("/api/receipts")
@Tag(name = "Delivery receipts", description = "Provider callbacks that move a sent message to delivered or failed")
class ReceiptController {

  private final ChannelProviders providers;
  private final DeliveryReceipts receipts;
  private final SmsReplies replies;

  ReceiptController(ChannelProviders providers, DeliveryReceipts receipts, SmsReplies replies) {
    this.providers = providers;
    this.receipts = receipts;
    this.replies = replies;
  }

  @Operation(summary = "WeChat's check of the Official Account's server URL: echoes echostr when signed")
  @GetMapping(value = "/wechat/{provider}", produces = MediaType.TEXT_PLAIN_VALUE)
  ResponseEntity<String> wechatCheck(@PathVariable String provider, @RequestParam(required = false) String signature,
      @RequestParam(required = false) String timestamp, @RequestParam(required = false) String nonce,
      @RequestParam(required = false) String echostr) {
    WeChatCallbacks callbacks = wechat(provider);
    if (!callbacks.signatureValid(signature, timestamp, nonce)) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body("");
    }
    return ResponseEntity.ok(echostr == null ? "" : echostr);
  }

  @Operation(summary = "An event pushed to the Official Account: TEMPLATESENDJOBFINISH is a template message's receipt")
  @PostMapping(value = "/wechat/{provider}", produces = MediaType.TEXT_PLAIN_VALUE)
  ResponseEntity<String> wechatEvent(@PathVariable String provider, @RequestParam(required = false) String signature,
      @RequestParam(required = false) String timestamp, @RequestParam(required = false) String nonce,
      @RequestBody(required = false) String body) {
    WeChatCallbacks callbacks = wechat(provider);
    if (!callbacks.signatureValid(signature, timestamp, nonce)) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body("");
    }
    callbacks.templateJobFinished(body == null ? "" : body).ifPresent(receipts::onReceipt);
    // WeChat retries an event three times unless it hears "success" (other events are not ours).
    return ResponseEntity.ok("success");
  }

  private WeChatCallbacks wechat(String provider) {
    return providers.wechatCallbacks(provider)
        .orElseThrow(() -> ApiProblemException.notFound("WeChat Official Account " + provider));
  }

  @Operation(summary = "A signed delivery callback of an HTTP SMS gateway")
  @PostMapping("/sms/{provider}")
  ResponseEntity<Void> sms(@PathVariable String provider, @RequestBody String body, HttpServletRequest request) {
    DeliveryReceipt receipt = smsGateway(provider).receipt(headers(request), body)
        .orElseThrow(() -> notSigned("The callback's signature, timestamp or nonce did not check out"));
    receipts.onReceipt(receipt);
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "A signed reply from a handset, forwarded by an HTTP SMS gateway: T, TD, 退订, STOP or "
      + "UNSUBSCRIBE withdraws SMS consent of the customer with that number")
  @PostMapping("/sms/{provider}/replies")
  ResponseEntity<Void> smsReply(@PathVariable String provider, @RequestBody String body, HttpServletRequest request) {
    InboundSms reply = smsGateway(provider).inbound(headers(request), body).orElseThrow(() ->
        notSigned("The callback's signature, timestamp or nonce did not check out, or it holds no from and text"));
    replies.onInbound(reply);
    return ResponseEntity.noContent().build();
  }

  private HttpSmsGatewayConnector smsGateway(String provider) {
    return providers.httpGateway(provider).orElseThrow(() -> ApiProblemException.notFound("SMS gateway " + provider));
  }

  private static ApiProblemException notSigned(String detail) {
    return new ApiProblemException(HttpStatus.UNAUTHORIZED, "Not signed", detail, List.of());
  }

  private static Map<String, String> headers(HttpServletRequest request) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(name, request.getHeader(name));
    }
    return headers;
  }
}
