package dev.airlock.internal.guardrail;

import dev.airlock.environment.Environment;
import dev.airlock.guardrail.GuardrailState;
import dev.airlock.guardrail.Principal;
import dev.airlock.guardrail.PromotionRequest;
import dev.airlock.guardrail.UncountedAttestation;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The inputs of one decision, and the verdicts reached so far, as every check sees them. */
final class Facts {
    final PromotionRequest request;
    final GuardrailState state;
    final Instant now;
    final Plan plan;
    final Membership membership;
    final Verdict[] verdicts;

    Facts(PromotionRequest request, GuardrailState state, Instant now, Plan plan, Membership membership) {
        this.request = request;
        this.state = state;
        this.now = now;
        this.plan = plan;
        this.membership = membership;
        this.verdicts = new Verdict[plan.checks.length];
    }

    String target() {
        return plan.target.name();
    }

    @Nullable Environment source() {
        return request.source();
    }

    Principal principal() {
        return request.principal();
    }

    /** The verifications of {@code environment} that were not counted, as "; not counted: who (why)", or "". */
    String uncountedVerifications(String environment) {
        StringBuilder out = new StringBuilder();
        for (UncountedAttestation u : state.uncounted()) {
            if (u.kind() == UncountedAttestation.Kind.VERIFICATION && environment.equals(u.environment())) {
                out.append(out.length() == 0 ? "; not counted: " : ", ").append(u.owner()).append(" (")
                        .append(u.reason()).append(')');
            }
        }
        return out.toString();
    }

    /** When the artifact was verified in {@code environment}, if that happened at or before now. */
    @Nullable Instant verifiedIn(String environment) {
        Instant since = state.verifiedSince().get(environment);
        return since == null || since.isAfter(now) ? null : since;
    }
}
