package dev.airlock.internal.guardrail;

import dev.airlock.environment.Environment;
import dev.airlock.guardrail.policy.Attachment;
import dev.airlock.guardrail.policy.Rule;
import dev.airlock.guardrail.policy.Statement;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Soak time: the artifact must have been verified in a stage for long enough. Pending until then. */
final class SoakCheck extends Check {
    private final Rule.Soak rule;

    SoakCheck(Statement statement, Attachment attach, Rule.Soak rule) {
        super(statement, attach);
        this.rule = rule;
    }

    private @Nullable String stage(Facts facts) {
        if (rule.stage() != null) {
            return rule.stage();
        }
        Environment source = facts.source();
        return source == null ? null : source.name();
    }

    @Override
    Verdict evaluate(Facts facts) {
        String stage = stage(facts);
        if (stage == null) {
            return Verdict.NOT_APPLICABLE;
        }
        Instant verified = facts.verifiedIn(stage);
        return verified != null && Times.compareEnd(verified, rule.duration(), facts.now) <= 0 ? Verdict.PASSES : Verdict.UNMET;
    }

    @Override
    String reason(Facts facts, Verdict verdict) {
        String stage = stage(facts);
        String needed = Durations.format(rule.duration());
        if (stage == null) {
            return "does not apply: " + facts.target() + " is promoted without a preceding stage";
        }
        Instant verified = facts.verifiedIn(stage);
        if (verified == null) {
            return "not verified in " + stage + " yet; " + needed + " of soak there is needed"
                    + facts.uncountedVerifications(stage);
        }
        Duration elapsed = Duration.between(verified, facts.now);
        if (verdict == Verdict.PASSES) {
            return "soaked " + Durations.format(elapsed) + " in " + stage + " (needs " + needed + ")";
        }
        return "soak " + Durations.format(elapsed) + " of " + needed + " in " + stage + ", "
                + Durations.formatRemaining(rule.duration().minus(elapsed)) + " remaining";
    }
}
