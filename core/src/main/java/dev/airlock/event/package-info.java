/**
 * Versioned events about what matters to people (a promotion decided, pending, promoted, failed or
 * rolled back; break-glass used; the stop switch engaged; ledger tampering), built from the ledger as
 * listeners see it and handed to {@link dev.airlock.spi.EventPublisher}s off the promoting thread.
 * The JSON form is documented in {@code docs/events.md} and {@code docs/events.schema.json}.
 */
@NullMarked
package dev.airlock.event;

import org.jspecify.annotations.NullMarked;
