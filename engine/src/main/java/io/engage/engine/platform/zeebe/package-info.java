/** Helpers shared by the features' Zeebe job workers. */
package io.engage.engine.platform.zeebe;
