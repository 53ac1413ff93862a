package io.engage.connectors;

/** The ways Engage reaches a customer. */
public enum Channel {
  EMAIL,
  SMS,
  PUSH,
  WECHAT
}
