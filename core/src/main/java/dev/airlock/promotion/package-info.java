/**
 * The promotion engine: register once, plan, promote by digest under guardrails, approve, report
 * verified, roll back, resume or abort, and read status and history from the ledger.
 */
@NullMarked
package dev.airlock.promotion;

import org.jspecify.annotations.NullMarked;
