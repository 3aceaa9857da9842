package dev.airlock.guardrail;

import java.util.List;

/**
 * The explained verdict of {@link Guardrails#decide}: the outcome, whether it was a break-glass
 * request, and every statement's result, so "why can't I promote?" has a complete answer.
 */
public record Decision(Outcome outcome, boolean breakGlass, List<StatementResult> results) {
    public Decision {
        results = List.copyOf(results);
    }

    public boolean allowed() {
        return outcome == Outcome.ALLOWED;
    }
}
