/**
 * Airlock: promote one immutable, content-addressed artifact through isolated AWS accounts under
 * guardrails, leaving a tamper-evident record of every decision.
 *
 * <p>Subpackages hold one concept each: {@code environment}, {@code artifact}, {@code guardrail},
 * {@code promotion}, {@code ledger}, {@code local}; {@code spi} is for backend implementers and
 * {@code internal} is not API.
 */
@NullMarked
package dev.airlock;

import org.jspecify.annotations.NullMarked;
