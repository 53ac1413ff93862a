/**
 * Limits on what one request may make the engine read: body sizes per endpoint class and the JSON
 * parser's constraints, refused as 413 problem+json naming the limit.
 */
package io.engage.engine.platform.limits;
