package io.engage.engine.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded default's demo content. Both are off unless the run command (or a test) turns them
 * on; a production deployment has neither demo users nor demo customers.
 *
 * @param users create one demo user per role and a demo integration API key
 * @param data load demo customers with a year of orders, once
 * @param customers how many demo customers
 */
@ConfigurationProperties("engage.demo")
public record DemoProperties(boolean users, boolean data, int customers) {}
