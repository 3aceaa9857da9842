package dev.airlock.guardrail;

import dev.airlock.environment.Landscape;
import dev.airlock.guardrail.policy.Policies;
import dev.airlock.guardrail.policy.PolicyDocument;
import dev.airlock.internal.guardrail.PolicyEngine;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The decision function: pure and deterministic. No I/O and no clock reads happen inside; the
 * same request, state and instant always give the same decision, whatever the statement order.
 *
 * <p>Semantics: a matching deny always wins, and denies attached higher up apply to everything
 * below; a request needs at least one matching permission (otherwise it is implicitly denied);
 * requirements that can still become true (approvals, soak, a window opening) make it pending.
 * Break-glass bypasses only statements marked bypassable and needs its own approvals.
 *
 * <p>Implementations are immutable and safe to share between threads.
 */
public interface Guardrails {

    /** Judges {@code request} given {@code state} as of {@code now}; {@code now} may be any instant ("would it pass at T?"). */
    Decision decide(PromotionRequest request, GuardrailState state, Instant now);

    /**
     * The policy version an approval for {@code environment} must carry to count: approvals bind to
     * the version of the policy that asked for them. It names every policy document that applies to
     * the environment with its version, so changing any of them invalidates earlier approvals.
     *
     * @throws dev.airlock.environment.UnknownEnvironmentException when the landscape has no such environment
     */
    String approvalPolicyVersion(String environment);

    /**
     * Whether a decision for {@code environment} can depend on
     * {@link GuardrailState#targetRepositoryImmutable()}: an {@code immutable-repository} statement applies
     * to it. Asking an artifact store costs calls (on AWS an inspector session and a read of the bucket's or
     * repository's settings), so callers ask only when this is true and may pass anything otherwise. The
     * default, true, is right for any implementation that does not know.
     *
     * @throws dev.airlock.environment.UnknownEnvironmentException when the landscape has no such environment
     */
    default boolean requiresImmutability(String environment) {
        return true;
    }

    /**
     * The names of the external gates a decision for {@code environment} reads: the caller asks each
     * before deciding and passes the answers in {@link GuardrailState#gateAnswers()}. The default, none,
     * is right for implementations without {@code gate} statements.
     *
     * @throws dev.airlock.environment.UnknownEnvironmentException when the landscape has no such environment
     */
    default Set<String> gates(String environment) {
        return Set.of();
    }

    /**
     * The people groups whose approvals count for ordinary requests into {@code environment}
     * ({@code *} when anyone may approve), to tell people who can unblock a pending promotion. The
     * default, none, is right for implementations that do not know.
     *
     * @throws dev.airlock.environment.UnknownEnvironmentException when the landscape has no such environment
     */
    default Set<String> approvers(String environment) {
        return Set.of();
    }

    /**
     * Compiles guardrails for a landscape: the built-in statements plus {@code policies}.
     * {@code peopleGroups} (group name to member principal ids, the configuration's {@code groups})
     * says who is in which group, in addition to the groups a {@link Principal} carries; a group
     * declared with no members takes its members from principals alone.
     *
     * @throws dev.airlock.config.InvalidConfigurationException listing every rule the policies break
     */
    static Guardrails of(Landscape landscape, Policies policies, Map<String, List<String>> peopleGroups) {
        return PolicyEngine.compile(landscape, policies, peopleGroups);
    }

    /** Like {@link #of(Landscape, Policies, Map)} for documents that attach to no environment group. */
    static Guardrails of(Landscape landscape, List<PolicyDocument> documents, Map<String, List<String>> peopleGroups) {
        return of(landscape, new Policies(Map.of(), documents), peopleGroups);
    }
}
