package io.engage.engine.customer;

/** Which contact points of a profile are verified, and the survivor when the profile was merged. */
public record CustomerIdentity(String customerId, boolean emailVerified, boolean phoneVerified, String mergedInto) {}
