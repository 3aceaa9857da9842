package dev.airlock.internal.guardrail;

import dev.airlock.environment.Environment;
import java.util.Set;
import java.util.TreeSet;

/** Everything precomputed for one target environment: its statements in result order and its policy version. */
final class Plan {
    final Environment target;
    final Check[] checks;
    /** Indexes into {@link #checks}: first the checks that stand alone, then those reading others' verdicts. */
    final int[] order;
    final String policyVersion;
    /** Whether a check reads the state's immutability, so the caller must ask the artifact store for it. */
    final boolean readsImmutability;
    /** The external gates a check reads, which the caller must ask before deciding. */
    final Set<String> gates;
    /** The people groups whose approvals count for ordinary requests; {@code *} for anyone. */
    final Set<String> approvers;

    Plan(Environment target, Check[] checks, String policyVersion) {
        this.target = target;
        this.checks = checks;
        this.policyVersion = policyVersion;
        boolean reads = false;
        Set<String> asked = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        for (Check check : checks) {
            reads |= check instanceof ImmutableRepositoryCheck;
            if (check instanceof GateCheck gate) {
                asked.add(gate.gate());
            }
            if (check instanceof ApprovalsCheck approvals && !approvals.rule.breakGlass()) {
                groups.addAll(approvals.rule.from().isEmpty() ? Set.of("*") : approvals.rule.from());
            }
        }
        this.gates = Set.copyOf(asked);
        this.approvers = Set.copyOf(groups);
        this.readsImmutability = reads;
        this.order = new int[checks.length];
        int next = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < checks.length; i++) {
                if (checks[i].derived() == (pass == 1)) {
                    order[next++] = i;
                }
            }
        }
    }
}
