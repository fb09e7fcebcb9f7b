/**
 * Technical plumbing shared by all capabilities: configuration keys, the injected {@link java.time.Clock},
 * and the start-up schema migration. No business rule lives here.
 */
package com.paylink.platform;
