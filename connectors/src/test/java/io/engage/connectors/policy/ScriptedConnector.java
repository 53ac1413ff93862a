package io.engage.connectors.policy;

import io.engage.connectors.Channel;
import io.engage.connectors.ChannelConnector;
import io.engage.connectors.DeliveryResult;
import io.engage.connectors.OutboundMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A provider that answers from a script, then with its last line; counts what it was sent. */
final class ScriptedConnector implements ChannelConnector {

  private final String name;
  private final Deque<DeliveryResult> script;
  private DeliveryResult last;
  final List<String> received = new ArrayList<>();

  ScriptedConnector(String name, DeliveryResult... answers) {
    this.name = name;
    this.script = new ArrayDeque<>(List.of(answers));
    this.last = answers[answers.length - 1];
  }

  @Override
  public Channel channel() {
    return Channel.SMS;
  }

  @Override
  public String provider() {
    return name;
  }

  @Override
  public synchronized DeliveryResult send(OutboundMessage message) {
    received.add(message.idempotencyKey());
    return script.isEmpty() ? last : script.poll();
  }
}
