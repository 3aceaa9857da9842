package dev.airlock.internal.guardrail;

import dev.airlock.artifact.Artifact;
import dev.airlock.guardrail.Approval;
import dev.airlock.guardrail.Principal;
import dev.airlock.guardrail.UncountedAttestation;
import dev.airlock.guardrail.UnmetRequirement;
import dev.airlock.guardrail.policy.Attachment;
import dev.airlock.guardrail.policy.Rule;
import dev.airlock.guardrail.policy.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * N distinct approvals from eligible groups. The initiator and the artifact's builder never count;
 * an approval counts only for the same digest, target and policy version, and until it expires.
 */
final class ApprovalsCheck extends Check {
    final Rule.Approvals rule;

    ApprovalsCheck(Statement statement, Attachment attach, Rule.Approvals rule) {
        super(statement, attach);
        this.rule = rule;
    }

    @Override
    Verdict evaluate(Facts facts) {
        if (rule.breakGlass() && !facts.request.breakGlass()) {
            return Verdict.NOT_APPLICABLE;
        }
        List<Approval> approvals = facts.state.approvals();
        int counted = 0;
        for (int i = 0; i < approvals.size() && counted < rule.count(); i++) {
            Approval approval = approvals.get(i);
            if (whyNotCounted(facts, approval) == null && !approvedEarlier(facts, approvals, i)) {
                counted++;
            }
        }
        return counted >= rule.count() ? Verdict.PASSES : Verdict.UNMET;
    }

    /** Whether the same person already has a counted approval earlier in the list. */
    private boolean approvedEarlier(Facts facts, List<Approval> approvals, int index) {
        String approver = approvals.get(index).approver().id();
        for (int j = 0; j < index; j++) {
            Approval earlier = approvals.get(j);
            if (earlier.approver().id().equals(approver) && whyNotCounted(facts, earlier) == null) {
                return true;
            }
        }
        return false;
    }

    /** Why an approval does not count; the order is the order of the checks. */
    private enum NotCounted { OTHER_TARGET, OTHER_DIGEST, OTHER_POLICY, LATER, EXPIRED, INITIATOR, BUILDER, NOT_ELIGIBLE }

    /** Null when the approval counts. Allocates nothing, as it runs on every decision. */
    private @Nullable NotCounted whyNotCounted(Facts facts, Approval approval) {
        Artifact artifact = facts.request.artifact();
        Principal approver = approval.approver();
        if (!approval.environment().equals(facts.target())) {
            return NotCounted.OTHER_TARGET;
        }
        if (!approval.digest().equals(artifact.digest())) {
            return NotCounted.OTHER_DIGEST;
        }
        if (!approval.policyVersion().equals(facts.plan.policyVersion)) {
            return NotCounted.OTHER_POLICY;
        }
        if (approval.approvedAt().isAfter(facts.now)) {
            return NotCounted.LATER;
        }
        if (Times.compareEnd(approval.approvedAt(), rule.expiresAfter(), facts.now) <= 0) {
            return NotCounted.EXPIRED;
        }
        if (approver.id().equals(facts.principal().id())) {
            return NotCounted.INITIATOR;
        }
        if (approver.id().equals(artifact.provenance().builder())) {
            return NotCounted.BUILDER;
        }
        if (!rule.from().isEmpty() && facts.membership.firstGroupOf(approver, rule.from()) == null) {
            return NotCounted.NOT_ELIGIBLE;
        }
        return null;
    }

    private String describe(Facts facts, Approval approval, NotCounted why) {
        return switch (why) {
            case OTHER_TARGET -> "for " + approval.environment();
            case OTHER_DIGEST -> "for another digest, " + approval.digest().shortForm();
            case OTHER_POLICY -> "under policy version " + approval.policyVersion() + ", now " + facts.plan.policyVersion;
            case LATER -> "given later, at " + Times.format(approval.approvedAt());
            case EXPIRED -> "expired at " + Times.format(approval.approvedAt().plus(rule.expiresAfter()));
            case INITIATOR -> "the initiator";
            case BUILDER -> "the artifact's builder";
            case NOT_ELIGIBLE -> "not in group " + either(rule.from());
        };
    }

    /**
     * Who may unblock it: the eligible groups, and the members the configuration lists in them whose approval
     * would count (not the initiator or the builder, and not counted already: one approval per person).
     */
    @Override
    UnmetRequirement unmet(Facts facts, String reason) {
        if (rule.from().isEmpty()) {
            return new UnmetRequirement(id, level, kind, reason, List.of("*"), List.of());
        }
        Set<String> counted = new HashSet<>();
        for (Approval approval : facts.state.approvals()) {
            if (whyNotCounted(facts, approval) == null) {
                counted.add(approval.approver().id());
            }
        }
        Set<String> people = new TreeSet<>();
        for (String group : rule.from()) {
            for (String member : facts.membership.membersOf(group)) {
                if (!counted.contains(member) && !member.equals(facts.principal().id())
                        && !member.equals(facts.request.artifact().provenance().builder())) {
                    people.add(member);
                }
            }
        }
        return new UnmetRequirement(id, level, kind, reason, rule.from(), List.copyOf(people));
    }

    @Override
    String reason(Facts facts, Verdict verdict) {
        String kind = rule.breakGlass() ? "break-glass approval" : "approval";
        if (verdict == Verdict.NOT_APPLICABLE) {
            return "does not apply: not a break-glass request";
        }
        Set<String> counted = new LinkedHashSet<>();
        List<String> ignored = new ArrayList<>();
        for (Approval approval : facts.state.approvals()) {
            NotCounted why = whyNotCounted(facts, approval);
            if (why == null) {
                if (counted.size() < rule.count()) {
                    counted.add(approval.approver().id());
                }
            } else if (approval.environment().equals(facts.target())) {
                ignored.add(approval.approver().id() + " (" + describe(facts, approval, why) + ")");
            }
        }
        for (UncountedAttestation forged : facts.state.uncounted()) {
            if (forged.kind() == UncountedAttestation.Kind.APPROVAL && facts.target().equals(forged.environment())) {
                ignored.add(forged.owner() + " (" + forged.reason() + ")");
            }
        }
        String from = rule.from().isEmpty() ? "" : (rule.from().size() == 1 ? " from group " : " from groups ")
                + either(rule.from());
        String names = String.join(", ", counted);
        String notCounted = ignored.isEmpty() ? "" : "; not counted: " + String.join(", ", ignored);
        if (verdict == Verdict.PASSES) {
            return counted.size() + " of " + rule.count() + " " + kind + "s" + from + ": " + names + notCounted;
        }
        int missing = rule.count() - counted.size();
        String have = counted.size() + " of " + rule.count() + (counted.isEmpty() ? "" : ": " + names);
        return missing + " more " + kind + (missing == 1 ? "" : "s") + from + " (" + have + ")" + notCounted;
    }
}
