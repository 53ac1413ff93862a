package io.engage.engine.messaging;

import io.engage.connectors.DeliveryReceipt;
import io.engage.connectors.sms.HttpSmsGatewayConnector;
import io.engage.engine.platform.web.ApiProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Delivery callbacks from HTTP SMS gateways. No login: each callback is signed with the gateway's
 * secret, checked by its connector (signature, a five-minute window, nonces not seen before). The
 * receipt is stored before the answer, so an acknowledged receipt is never lost.
 */
@RestController
@RequestMapping("/api/receipts")
@Tag(name = "Delivery receipts", description = "Provider callbacks that move a sent message to delivered or failed")
class ReceiptController {

  private final ChannelProviders providers;
  private final DeliveryReceipts receipts;

  ReceiptController(ChannelProviders providers, DeliveryReceipts receipts) {
    this.providers = providers;
    this.receipts = receipts;
  }

  @Operation(summary = "A signed delivery callback of an HTTP SMS gateway")
  @PostMapping("/sms/{provider}")
  ResponseEntity<Void> sms(@PathVariable String provider, @RequestBody String body, HttpServletRequest request) {
    HttpSmsGatewayConnector gateway = providers.httpGateway(provider)
        .orElseThrow(() -> ApiProblemException.notFound("SMS gateway " + provider));
    Map<String, String> headers = new LinkedHashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(name, request.getHeader(name));
    }
    Optional<DeliveryReceipt> receipt = gateway.receipt(headers, body);
    if (receipt.isEmpty()) {
      throw new ApiProblemException(HttpStatus.UNAUTHORIZED, "Not signed",
          "The callback's signature, timestamp or nonce did not check out", List.of());
    }
    receipts.onReceipt(receipt.get());
    return ResponseEntity.noContent().build();
  }
}
