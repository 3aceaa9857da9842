package dev.airlock.guardrail;

/**
 * How one statement judged a request.
 *
 * @param statementId the statement's id, unique within the configuration
 * @param level       where it is attached: {@code organization}, {@code tier:production},
 *                    {@code group:prod}, {@code environment:prod-eu}
 * @param verdict     what it contributes
 * @param reason      what matched, or for {@link Verdict#UNMET} exactly what is still missing
 */
public record StatementResult(String statementId, String level, Verdict verdict, String reason) {

    /** A statement's contribution to the decision. */
    public enum Verdict {
        /** A permission that grants the request. */
        ALLOWS,
        /** A deny that matched: the request is denied. */
        DENIES,
        /** A requirement not met yet; it can still become true. */
        UNMET,
        /** Passed, or did not apply. */
        PASSES,
        /** Bypassed by break-glass. */
        BYPASSED
    }
}
