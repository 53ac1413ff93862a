package io.engage.engine.messaging;

import io.engage.engine.customer.Customers;
import io.engage.engine.platform.web.ApiProblemException;
import io.engage.engine.platform.web.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Integrators register where a customer's app receives push, and the customer's WeChat openid. */
@RestController
@RequestMapping("/api/customers/{customerId}")
@Tag(name = "Customer devices", description = "Push device tokens and the WeChat openid of a customer")
class DeviceController {

  static final Set<String> PLATFORMS = Set.of("APNS", "FCM", "JPUSH");
  private static final int MAX_TOKEN = 4096;

  private final ChannelAddresses addresses;
  private final Customers customers;
  private final Clock clock;

  DeviceController(ChannelAddresses addresses, Customers customers, Clock clock) {
    this.addresses = addresses;
    this.customers = customers;
    this.clock = clock;
  }

  /**
   * @param pushConsent when given, records the customer's marketing consent for push (the app's
   *     opt-in screen); push without it is transactional only
   */
  record DeviceBody(String platform, String token, String appId, Boolean pushConsent) {}

  record DeviceView(long id, String platform, String token, String appId, String status, String deadReason,
      Instant createdAt, Instant updatedAt) {
    static DeviceView of(DeviceToken device) {
      return new DeviceView(device.id(), device.platform(), device.maskedToken(), device.appId(), device.status(),
          device.deadReason(), device.createdAt(), device.updatedAt());
    }
  }

  record WechatBody(String openid, String appId, Boolean consent) {}

  record WechatView(String appId, String openid, String status, String deadReason, Instant updatedAt) {}

  @Operation(summary = "Register a device token for push (APNS, FCM or JPUSH)",
      description = "A token registered again is active again, for the customer who registered it last")
  @PostMapping("/devices")
  @Transactional
  ResponseEntity<DeviceView> register(@PathVariable String customerId, @RequestBody DeviceBody body) {
    requireCustomer(customerId);
    List<FieldError> errors = new ArrayList<>();
    String platform = body.platform() == null ? null : body.platform().toUpperCase(Locale.ROOT);
    if (platform == null || !PLATFORMS.contains(platform)) {
      errors.add(new FieldError("platform", "must be APNS, FCM or JPUSH"));
    }
    if (body.token() == null || body.token().isBlank() || body.token().length() > MAX_TOKEN
        || body.token().chars().anyMatch(Character::isWhitespace)) {
      errors.add(new FieldError("token", "is required: 1-" + MAX_TOKEN + " characters without spaces"));
    }
    if (body.appId() != null && body.appId().length() > 128) {
      errors.add(new FieldError("appId", "at most 128 characters"));
    }
    if (!errors.isEmpty()) {
      throw new ApiProblemException(HttpStatus.BAD_REQUEST, "Invalid device", "Some fields are invalid", errors);
    }
    DeviceToken device = addresses.registerDevice(customerId, platform, body.token(), body.appId());
    if (body.pushConsent() != null) {
      customers.recordConsent(customerId, "PUSH", body.pushConsent(), "device:" + device.id(), clock.instant());
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(DeviceView.of(device));
  }

  @Operation(summary = "The customer's devices, tokens masked; dead ones say why")
  @GetMapping("/devices")
  List<DeviceView> devices(@PathVariable String customerId) {
    requireCustomer(customerId);
    return addresses.devices(customerId).stream().map(DeviceView::of).toList();
  }

  @Operation(summary = "Forget a device (the app was uninstalled or the customer logged out)")
  @DeleteMapping("/devices/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void remove(@PathVariable String customerId, @PathVariable long id) {
    if (!addresses.removeDevice(customerId, id)) {
      throw ApiProblemException.notFound("Device " + id + " of customer " + customerId);
    }
  }

  @Operation(summary = "Set the customer's WeChat openid (for the Official Account's template messages)")
  @PutMapping("/wechat")
  @Transactional
  WechatView bindWechat(@PathVariable String customerId, @RequestBody WechatBody body) {
    requireCustomer(customerId);
    if (body.openid() == null || !body.openid().matches("[A-Za-z0-9_-]{6,64}")) {
      throw new ApiProblemException(HttpStatus.BAD_REQUEST, "Invalid openid", "openid is not a WeChat openid",
          List.of(new FieldError("openid", "must be 6-64 letters, digits, _ or -")));
    }
    addresses.bindWechat(customerId, body.appId(), body.openid());
    if (body.consent() != null) {
      customers.recordConsent(customerId, "WECHAT", body.consent(), "wechat-binding", clock.instant());
    }
    return wechat(customerId);
  }

  @Operation(summary = "The customer's WeChat binding, openid masked")
  @GetMapping("/wechat")
  WechatView wechat(@PathVariable String customerId) {
    requireCustomer(customerId);
    AddressMapper.WechatBinding binding = addresses.wechat(customerId)
        .orElseThrow(() -> ApiProblemException.notFound("A WeChat binding of customer " + customerId));
    String openid = binding.openid();
    String masked = openid.length() < 8 ? "****" : openid.substring(0, 4) + "…" + openid.substring(openid.length() - 2);
    return new WechatView(binding.appId(), masked, binding.status(), binding.deadReason(), binding.updatedAt());
  }

  private void requireCustomer(String customerId) {
    if (customers.find(customerId).isEmpty()) {
      throw ApiProblemException.notFound("Customer " + customerId);
    }
  }
}
