/**
 * Micrometer meters for Airlock: bind {@link dev.airlock.micrometer.AirlockMetrics} as an engine
 * listener and wrap the ledger in {@link dev.airlock.micrometer.MeteredLedger}. The meters are listed
 * in {@code docs/metrics.md}.
 */
@NullMarked
package dev.airlock.micrometer;

import org.jspecify.annotations.NullMarked;
