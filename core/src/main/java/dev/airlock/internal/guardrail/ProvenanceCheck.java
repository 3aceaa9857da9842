package dev.airlock.internal.guardrail;

import dev.airlock.artifact.Provenance;
import dev.airlock.guardrail.UncountedAttestation;
import dev.airlock.guardrail.policy.Attachment;
import dev.airlock.guardrail.policy.Rule;
import dev.airlock.guardrail.policy.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Trusted provenance: the builder identity and source repository must match trusted patterns. */
final class ProvenanceCheck extends Check {
    private final Rule.TrustedProvenance rule;
    private final Glob[] builders;
    private final Glob[] repositories;

    ProvenanceCheck(Statement statement, Attachment attach, Rule.TrustedProvenance rule) {
        super(statement, attach);
        this.rule = rule;
        this.builders = Glob.all(rule.builders());
        this.repositories = Glob.all(rule.repositories());
    }

    private boolean trustedBuilder(Provenance provenance) {
        return builders.length == 0 || Glob.matchesAny(builders, provenance.builder());
    }

    private boolean trustedRepository(Provenance provenance) {
        return repositories.length == 0 || Glob.matchesAny(repositories, provenance.sourceRepository());
    }

    @Override
    Verdict evaluate(Facts facts) {
        Provenance provenance = facts.request.artifact().provenance();
        return unsigned(facts) == null && trustedBuilder(provenance) && trustedRepository(provenance)
                ? Verdict.PASSES : Verdict.DENIES;
    }

    /** Why the provenance does not count, when its builder did not sign it; null when it counts. */
    private static @Nullable UncountedAttestation unsigned(Facts facts) {
        for (UncountedAttestation uncounted : facts.state.uncounted()) {
            if (uncounted.kind() == UncountedAttestation.Kind.PROVENANCE) {
                return uncounted;
            }
        }
        return null;
    }

    @Override
    String reason(Facts facts, Verdict verdict) {
        Provenance provenance = facts.request.artifact().provenance();
        if (verdict == Verdict.PASSES) {
            return "built by " + provenance.builder() + " from " + provenance.sourceRepository() + ", which are trusted";
        }
        List<String> problems = new ArrayList<>();
        UncountedAttestation unsigned = unsigned(facts);
        if (unsigned != null) {
            problems.add("provenance not counted: " + unsigned.owner() + " (" + unsigned.reason() + ")");
        }
        if (!trustedBuilder(provenance)) {
            problems.add("builder '" + provenance.builder() + "' is not trusted (trusted: "
                    + String.join(", ", rule.builders()) + ")");
        }
        if (!trustedRepository(provenance)) {
            problems.add("source repository '" + provenance.sourceRepository() + "' is not trusted (trusted: "
                    + String.join(", ", rule.repositories()) + ")");
        }
        return String.join("; ", problems);
    }
}
