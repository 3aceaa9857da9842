package dev.airlock.internal.guardrail;

import dev.airlock.environment.Region;
import dev.airlock.guardrail.policy.Attachment;
import dev.airlock.guardrail.policy.Rule;
import dev.airlock.guardrail.policy.Statement;
import java.util.ArrayList;
import java.util.List;

/** Allowed regions: every region the target runs in must match an allowed region or pattern. */
final class AllowedRegionsCheck extends Check {
    private final Rule.AllowedRegions rule;
    private final Glob[] allowed;

    AllowedRegionsCheck(Statement statement, Attachment attach, Rule.AllowedRegions rule) {
        super(statement, attach);
        this.rule = rule;
        this.allowed = Glob.all(rule.regions());
    }

    @Override
    Verdict evaluate(Facts facts) {
        List<Region> regions = facts.plan.target.regions();
        for (int i = 0; i < regions.size(); i++) {
            if (!Glob.matchesAny(allowed, regions.get(i).value())) {
                return Verdict.DENIES;
            }
        }
        return Verdict.PASSES;
    }

    @Override
    String reason(Facts facts, Verdict verdict) {
        List<String> outside = new ArrayList<>();
        for (Region region : facts.plan.target.regions()) {
            if (!Glob.matchesAny(allowed, region.value())) {
                outside.add(region.value());
            }
        }
        String allowed = String.join(", ", rule.regions());
        return outside.isEmpty() ? facts.target() + " runs only in allowed regions (" + allowed + ")"
                : facts.target() + " runs in " + String.join(", ", outside) + ", outside the allowed regions (" + allowed + ")";
    }
}
