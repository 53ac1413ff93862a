package io.engage.engine.messaging;

import io.engage.connectors.Channel;
import io.engage.engine.customer.Customer;
import io.engage.engine.platform.crypto.Hashes;
import io.engage.engine.platform.crypto.LookupHash;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a customer is reached on each channel: the profile's email and phone, their app's device
 * tokens, their WeChat openid; and which of those a provider said are dead (a hard bounce, an
 * invalid number, an unregistered token), so they are not used again.
 */
@Component
class ChannelAddresses {

  /** Push goes to the customer's newest devices, at most this many. */
  static final int MAX_DEVICES = 5;

  private final AddressMapper mapper;
  private final LookupHash lookupHash;
  private final Clock clock;

  ChannelAddresses(AddressMapper mapper, LookupHash lookupHash, Clock clock) {
    this.mapper = mapper;
    this.lookupHash = lookupHash;
    this.clock = clock;
  }

  /**
   * One address on one channel. {@code ref} names a device ("device:12") or the WeChat binding, so
   * attempts can say which one a push went to without storing the token; {@code platform} routes a
   * push to APNs, FCM or JPush.
   */
  record Address(Channel channel, String value, String ref, String platform) {}

  List<Address> of(Customer customer, Channel channel) {
    return switch (channel) {
      case EMAIL -> present(customer.email()) ? List.of(new Address(channel, customer.email().trim(), null, null)) : List.of();
      case SMS -> present(customer.phone()) ? List.of(new Address(channel, customer.phone().trim(), null, null)) : List.of();
      case PUSH -> mapper.findActiveDevices(customer.id(), MAX_DEVICES).stream()
          .map(d -> new Address(channel, d.token(), "device:" + d.id(), d.platform()))
          .toList();
      case WECHAT -> Optional.ofNullable(mapper.findWechat(customer.id()))
          .filter(b -> DeviceToken.ACTIVE.equals(b.status()))
          .map(b -> List.of(new Address(channel, b.openid(), "wechat", b.appId())))
          .orElse(List.of());
    };
  }

  /** Why an email address or phone number may not be used (a hard bounce), if so. */
  Optional<String> blocked(Address address) {
    if (address.channel() != Channel.EMAIL && address.channel() != Channel.SMS) {
      return Optional.empty(); // dead tokens and openids are no longer returned at all
    }
    return Optional.ofNullable(mapper.findBlock(address.channel().name(), hash(address)));
  }

  /** The provider said this address does not exist: never use it again. */
  @Transactional
  void markDead(Address address, String customerId, long messageId, String reason) {
    String why = truncate(reason);
    switch (address.channel()) {
      case EMAIL, SMS -> mapper.blockAddress(address.channel().name(), hash(address), customerId, messageId, why,
          clock.instant());
      case PUSH -> mapper.markDeviceDead(Long.parseLong(address.ref().substring("device:".length())), why,
          clock.instant());
      case WECHAT -> mapper.markWechatDead(customerId, why, clock.instant());
    }
  }

  @Transactional
  DeviceToken registerDevice(String customerId, String platform, String token, String appId) {
    String tokenHash = Hashes.sha256Hex(platform + ":" + token);
    if (mapper.insertDevice(customerId, platform, token, tokenHash, appId, clock.instant()) == 0) {
      mapper.reactivateDevice(customerId, platform, tokenHash, appId, clock.instant());
    }
    return mapper.findDevice(platform, tokenHash);
  }

  List<DeviceToken> devices(String customerId) {
    return mapper.findDevices(customerId);
  }

  Optional<DeviceToken> device(long id) {
    return Optional.ofNullable(mapper.findDeviceById(id));
  }

  @Transactional
  boolean removeDevice(String customerId, long id) {
    return mapper.deleteDevice(customerId, id) == 1;
  }

  @Transactional
  void bindWechat(String customerId, String appId, String openid) {
    mapper.upsertWechat(customerId, appId, openid, Hashes.sha256Hex(openid), clock.instant());
  }

  Optional<AddressMapper.WechatBinding> wechat(String customerId) {
    return Optional.ofNullable(mapper.findWechat(customerId));
  }

  /**
   * Emails compare case-insensitively, phone numbers by their digits. Keyed: a plain hash of an
   * email or phone number is found again by hashing a list of them. (Tokens and openids are random
   * and long, so their plain SHA-256 in token_hash / openid_hash reveals nothing.)
   */
  private String hash(Address address) {
    String normal = address.channel() == Channel.EMAIL
        ? address.value().trim().toLowerCase(Locale.ROOT)
        : address.value().replaceAll("[^0-9+]", "");
    return lookupHash.hex(address.channel().name() + ":" + normal);
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  private static String truncate(String text) {
    return text == null || text.length() <= 500 ? text : text.substring(0, 500);
  }
}
