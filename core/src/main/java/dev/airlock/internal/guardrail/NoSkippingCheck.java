package dev.airlock.internal.guardrail;

import dev.airlock.environment.Environment;
import dev.airlock.environment.Landscape;
import dev.airlock.guardrail.policy.Attachment;
import dev.airlock.guardrail.policy.Rule;
import dev.airlock.guardrail.policy.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * No skipping stages: the source must directly precede the target in the promotion graph and the
 * artifact must be verified there. Fan-out siblings are not predecessors of each other, so they never
 * count. A rollback also passes when the artifact was verified in the target itself before.
 */
final class NoSkippingCheck extends Check {
    static final String BUILT_IN_ID = "builtin:no-skipping";

    private final boolean enabled;
    private final Set<String> entries;
    private final Map<String, List<String>> predecessors = new HashMap<>();

    /** The organization default. */
    NoSkippingCheck(Landscape landscape) {
        super(BUILT_IN_ID);
        this.enabled = true;
        this.entries = new HashSet<>(landscape.graph().entries());
        index(landscape);
    }

    NoSkippingCheck(Statement statement, Attachment attach, Rule.NoSkipping rule, Landscape landscape) {
        super(statement, attach);
        this.enabled = rule.enabled();
        this.entries = new HashSet<>(landscape.graph().entries());
        index(landscape);
    }

    private void index(Landscape landscape) {
        for (String name : landscape.environmentNames()) {
            predecessors.put(name, List.copyOf(landscape.graph().predecessors(name)));
        }
    }

    @Override
    Verdict evaluate(Facts facts) {
        if (!enabled) {
            return Verdict.PASSES;
        }
        String target = facts.target();
        if (facts.request.rollback() && facts.verifiedIn(target) != null) {
            return Verdict.PASSES;
        }
        Environment source = facts.source();
        if (source == null) {
            return entries.contains(target) ? Verdict.PASSES : Verdict.DENIES;
        }
        if (!predecessors.getOrDefault(target, List.of()).contains(source.name())) {
            return Verdict.DENIES;
        }
        return facts.verifiedIn(source.name()) != null ? Verdict.PASSES : Verdict.DENIES;
    }

    @Override
    String reason(Facts facts, Verdict verdict) {
        if (!enabled) {
            return "no skipping stages is switched off for the organization";
        }
        String target = facts.target();
        Instant verifiedInTarget = facts.verifiedIn(target);
        if (facts.request.rollback() && verifiedInTarget != null) {
            return "rollback to a digest verified in " + target + " since " + Times.format(verifiedInTarget);
        }
        Environment source = facts.source();
        List<String> before = predecessors.getOrDefault(target, List.of());
        if (source == null) {
            return entries.contains(target) ? target + " is an entry stage; no earlier stage is needed"
                    : target + " is not an entry stage; promote into it from " + either(before);
        }
        if (!before.contains(source.name())) {
            return source.name() + " does not directly precede " + target + " in the promotion graph; " + target
                    + (before.isEmpty() ? " is an entry stage" : " is promoted from " + either(before));
        }
        Instant verified = facts.verifiedIn(source.name());
        return verified != null ? "verified in " + source.name() + " since " + Times.format(verified) + ", the stage before " + target
                : "the artifact is not verified in " + source.name() + "; promote it there and verify it first"
                        + facts.uncountedVerifications(source.name());
    }
}
