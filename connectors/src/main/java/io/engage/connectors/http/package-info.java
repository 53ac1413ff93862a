/**
 * What the HTTP connectors (HTTP SMS gateway, FCM, JPush, WeChat) share: a JSON client on the
 * JDK's HttpClient, the mapping of transport failures to failure kinds, Retry-After parsing, and
 * HMAC signing. Public for the connectors' packages; not an API of its own.
 */
package io.engage.connectors.http;
