/**
 * Not API: the compiled form of policies and the decision engine behind
 * {@link dev.airlock.guardrail.Guardrails#of}. Statements are compiled once per target environment so a
 * decision is a loop over a small array with no I/O and few allocations; reasons are rendered only
 * when a decision is explained.
 */
@NullMarked
package dev.airlock.internal.guardrail;

import org.jspecify.annotations.NullMarked;
