package io.engage.engine.messaging;

import io.engage.engine.platform.pii.PersonalData;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface AddressMapper {

  int insertDevice(@Param("customerId") String customerId, @Param("platform") String platform,
      @Param("token") String token, @Param("tokenHash") String tokenHash, @Param("appId") String appId,
      @Param("now") Instant now);

  /** A token seen again (reinstalled app, another customer on the device) is active for its newest owner. */
  int reactivateDevice(@Param("customerId") String customerId, @Param("platform") String platform,
      @Param("tokenHash") String tokenHash, @Param("appId") String appId, @Param("now") Instant now);

  DeviceToken findDevice(@Param("platform") String platform, @Param("tokenHash") String tokenHash);

  DeviceToken findDeviceById(@Param("id") long id);

  List<DeviceToken> findDevices(@Param("customerId") String customerId);

  List<DeviceToken> findActiveDevices(@Param("customerId") String customerId, @Param("limit") int limit);

  int markDeviceDead(@Param("id") long id, @Param("reason") String reason, @Param("now") Instant now);

  int deleteDevice(@Param("customerId") String customerId, @Param("id") long id);

  record WechatBinding(String customerId, String appId, @PersonalData String openid, String status, String deadReason,
      Instant updatedAt) {}

  void upsertWechat(@Param("customerId") String customerId, @Param("appId") String appId,
      @Param("openid") String openid, @Param("openidHash") String openidHash, @Param("now") Instant now);

  WechatBinding findWechat(@Param("customerId") String customerId);

  int markWechatDead(@Param("customerId") String customerId, @Param("reason") String reason,
      @Param("now") Instant now);

  void blockAddress(@Param("channel") String channel, @Param("addressHash") String addressHash,
      @Param("customerId") String customerId, @Param("messageId") Long messageId, @Param("reason") String reason,
      @Param("now") Instant now);

  String findBlock(@Param("channel") String channel, @Param("addressHash") String addressHash);
}
