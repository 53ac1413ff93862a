/**
 * Shared infrastructure every feature builds on: the embedded parts, the outbox, problem+json
 * errors, the personal-data seam, hashing and markers. Open to all features, and it uses none of
 * them.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package io.engage.engine.platform;

import org.springframework.modulith.ApplicationModule;
