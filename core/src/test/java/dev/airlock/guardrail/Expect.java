package dev.airlock.guardrail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.airlock.guardrail.StatementResult.Verdict;

/** Assertions on decisions that print the whole explanation when they fail. */
final class Expect {
    private Expect() {
    }

    static void outcome(Decision decision, Outcome expected) {
        assertEquals(expected, decision.outcome(), () -> "expected " + expected + " but got:\n" + decision.explain());
    }

    static StatementResult result(Decision decision, String statementId) {
        return decision.results().stream().filter(r -> r.statementId().equals(statementId)).findFirst()
                .orElseGet(() -> fail("no result for statement '" + statementId + "' in:\n" + decision.explain()));
    }

    /** The statement reached {@code verdict} and its reason contains {@code reason}. */
    static void statement(Decision decision, String statementId, Verdict verdict, String reason) {
        StatementResult result = result(decision, statementId);
        assertEquals(verdict, result.verdict(), () -> statementId + " in:\n" + decision.explain());
        assertTrue(result.reason().contains(reason),
                () -> statementId + " reason should contain '" + reason + "' but is '" + result.reason() + "'");
    }

    /** The statement's reason is exactly {@code reason}. */
    static void reason(Decision decision, String statementId, String reason) {
        assertEquals(reason, result(decision, statementId).reason(), () -> statementId + " in:\n" + decision.explain());
    }
}
