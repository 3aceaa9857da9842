package dev.airlock.promotion;

import dev.airlock.artifact.ArtifactKind;
import dev.airlock.artifact.Digest;
import dev.airlock.artifact.Provenance;
import dev.airlock.attestation.InMemoryKeys;
import dev.airlock.environment.Environment;
import dev.airlock.environment.Landscape;
import dev.airlock.environment.Tier;
import dev.airlock.guardrail.Decision;
import dev.airlock.guardrail.GuardrailState;
import dev.airlock.guardrail.Guardrails;
import dev.airlock.guardrail.Outcome;
import dev.airlock.guardrail.Principal;
import dev.airlock.guardrail.PromotionRequest;
import dev.airlock.guardrail.StatementResult;
import dev.airlock.local.LocalBackend;
import dev.airlock.spi.ArtifactStore;
import dev.airlock.spi.EnvironmentAccess;
import dev.airlock.spi.Ledger;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A four-stage landscape on the real local backend, with guardrails whose verdict a test sets, so
 * engine tests exercise the steps, not the policy language (which has its own tests).
 */
final class EngineFixture {
    static final Principal ALICE = Principal.of("alice", "developers");
    static final Instant T0 = Instant.parse("2026-03-03T09:00:00Z");

    final Landscape landscape = Landscape.builder().tooling("111111111111").security("999999999999")
            .environment(Environment.builder("dev").account("222222222222").tier(Tier.DEVELOPMENT)
                    .owners("platform").build())
            .environment(Environment.builder("test").account("333333333333").tier(Tier.TEST).build())
            .environment(Environment.builder("staging").account("444444444444").tier(Tier.STAGING).build())
            .environment(Environment.builder("prod").account("555555555555").tier(Tier.PRODUCTION).build())
            .chain("dev", "test", "staging", "prod")
            .build();
    final Path root;
    /** Every principal's and builder's key, made on first use and kept across restarts. */
    final InMemoryKeys keys = new InMemoryKeys();
    final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    final SettableGuardrails guardrails = new SettableGuardrails();
    LocalBackend backend;

    EngineFixture(Path root) {
        this.root = root;
        this.backend = LocalBackend.open(root, landscape, clock);
    }

    PromotionEngine engine() {
        return engine(UnaryOperator.identity(), UnaryOperator.identity(), UnaryOperator.identity());
    }

    /** An engine whose ports are wrapped, e.g. to inject faults or crashes. */
    PromotionEngine engine(UnaryOperator<ArtifactStore> store, UnaryOperator<EnvironmentAccess> access,
            UnaryOperator<Ledger> ledger) {
        return PromotionEngine.builder().landscape(landscape).guardrails(guardrails).keyring(keys).signers(keys)
                .store(store.apply(backend.artifactStore())).access(access.apply(backend.environmentAccess()))
                .ledger(ledger.apply(backend.ledger())).clock(clock).build();
    }

    /** A fresh process on the same files: what an operator gets after a crash. */
    PromotionEngine restart() {
        backend = LocalBackend.open(root, landscape, clock);
        return engine();
    }

    static Digest register(PromotionEngine engine, String version) {
        return engine.register(new ArtifactRegistration("payments-api", version, ArtifactKind.FILE,
                "application/java-archive", new Provenance("git@example.com:acme/payments.git", "c0ffee" + version,
                        "build-" + version, "ci@acme", T0.minusSeconds(3600))),
                new ByteArrayInputStream(("payments-api " + version).getBytes(StandardCharsets.UTF_8)), ALICE).digest();
    }

    static PromotionCommand command(Digest digest, String target) {
        return PromotionCommand.builder(digest, target, ALICE).build();
    }

    /** Guardrails with a verdict set by the test; everything else about policy is tested elsewhere. */
    static final class SettableGuardrails implements Guardrails {
        volatile Outcome outcome = Outcome.ALLOWED;
        /** The verdict by request, for tests about what a request carries; by default {@link #outcome}. */
        volatile Function<PromotionRequest, Outcome> byRequest = request -> outcome;
        volatile boolean requiresImmutability = true;

        @Override
        public Decision decide(PromotionRequest request, GuardrailState state, Instant now) {
            Outcome outcome = byRequest.apply(request);
            StatementResult.Verdict verdict = switch (outcome) {
                case ALLOWED -> StatementResult.Verdict.ALLOWS;
                case DENIED -> StatementResult.Verdict.DENIES;
                case PENDING -> StatementResult.Verdict.UNMET;
            };
            return new Decision(outcome, false, List.of(new StatementResult("test-verdict", "organization", verdict,
                    "set by the test")));
        }

        @Override
        public String approvalPolicyVersion(String environment) {
            return "1";
        }

        @Override
        public boolean requiresImmutability(String environment) {
            return requiresImmutability;
        }
    }
}
