/**
 * Personal data as the law sees it: who may see it in clear (and the record of every time someone
 * did), a customer's export of everything held and erasure, the consent history, and the retention
 * of raw events.
 */
package io.engage.engine.privacy;
