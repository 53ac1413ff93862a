package io.engage.engine.messaging;

import io.engage.connectors.Channel;
import io.engage.connectors.policy.DeliveryPipeline;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The delivery pipeline (providers in failover order, with their rate limits and the retry policy)
 * for each route: one per channel, and for push one per platform (an APNs token can only go to
 * APNs), with {@code PUSH} itself for a provider that takes every platform (the local sink).
 *
 * @param providers the provider names of each route, in failover order, for the record
 */
record DeliveryRoutes(Map<String, DeliveryPipeline> pipelines, Map<String, List<String>> providers) {

  static String route(Channel channel, String platform) {
    return channel == Channel.PUSH && platform != null ? "PUSH:" + platform : channel.name();
  }

  Optional<DeliveryPipeline> forAddress(ChannelAddresses.Address address) {
    DeliveryPipeline pipeline = pipelines.get(route(address.channel(), address.platform()));
    if (pipeline == null && address.channel() == Channel.PUSH) {
      pipeline = pipelines.get(Channel.PUSH.name());
    }
    return Optional.ofNullable(pipeline);
  }
}
