package dev.airlock.benchmarks;

import dev.airlock.guardrail.Decision;
import dev.airlock.guardrail.GuardrailState;
import dev.airlock.guardrail.Guardrails;
import dev.airlock.guardrail.Outcome;
import dev.airlock.guardrail.PromotionRequest;
import dev.airlock.guardrail.StatementResult;
import java.time.Instant;
import java.util.List;

/** Allows every promotion: the AWS benchmarks measure the backend and the ledger; policies are {@link GuardrailBenchmark}'s. */
final class AllowAll implements Guardrails {
    @Override
    public Decision decide(PromotionRequest request, GuardrailState state, Instant now) {
        return new Decision(Outcome.ALLOWED, false, List.of(new StatementResult("benchmark", "organization",
                StatementResult.Verdict.ALLOWS, "the benchmark measures the backend, not policies")));
    }

    @Override
    public String approvalPolicyVersion(String environment) {
        return "1";
    }

    /** Nothing here reads it, so the engine never asks the store. */
    @Override
    public boolean requiresImmutability(String environment) {
        return false;
    }
}
