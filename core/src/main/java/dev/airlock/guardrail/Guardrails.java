package dev.airlock.guardrail;

import java.time.Instant;

/**
 * The decision function: pure and deterministic. No I/O and no clock reads happen inside; the
 * same request, state and instant always give the same decision, whatever the statement order.
 */
public interface Guardrails {

    Decision decide(PromotionRequest request, GuardrailState state, Instant now);

    /**
     * The policy version an approval for {@code environment} must carry to count: approvals bind to
     * the version of the policy that asked for them.
     */
    String approvalPolicyVersion(String environment);
}
