package dev.airlock.internal.guardrail;

import dev.airlock.guardrail.StatementResult;

/** A statement's verdict inside the engine, finer than the public one so reasons can be rendered later. */
enum Verdict {
    ALLOWS(StatementResult.Verdict.ALLOWS),
    DENIES(StatementResult.Verdict.DENIES),
    UNMET(StatementResult.Verdict.UNMET),
    PASSES(StatementResult.Verdict.PASSES),
    /** Out of scope (rollbacks, {@code when} conditions) or not matching (a permission for someone else). */
    NOT_APPLICABLE(StatementResult.Verdict.PASSES),
    /** Would deny, bypassed by break-glass. */
    BYPASSED_DENY(StatementResult.Verdict.BYPASSED),
    /** Would be unmet, bypassed by break-glass. */
    BYPASSED_UNMET(StatementResult.Verdict.BYPASSED);

    final StatementResult.Verdict visible;

    Verdict(StatementResult.Verdict visible) {
        this.visible = visible;
    }
}
