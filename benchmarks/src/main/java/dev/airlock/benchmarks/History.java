package dev.airlock.benchmarks;

import dev.airlock.attestation.Signers;
import dev.airlock.attestation.Keyring;
import dev.airlock.artifact.ArtifactKind;
import dev.airlock.artifact.Digest;
import dev.airlock.artifact.Provenance;
import dev.airlock.environment.Environment;
import dev.airlock.environment.Landscape;
import dev.airlock.environment.Tier;
import dev.airlock.guardrail.Guardrails;
import dev.airlock.guardrail.Outcome;
import dev.airlock.guardrail.Principal;
import dev.airlock.promotion.ArtifactRegistration;
import dev.airlock.promotion.PromotionCommand;
import dev.airlock.promotion.PromotionEngine;
import dev.airlock.promotion.PromotionResult;
import dev.airlock.spi.AccessContext;
import dev.airlock.spi.AccessSession;
import dev.airlock.spi.ArtifactStore;
import dev.airlock.spi.EnvironmentAccess;
import dev.airlock.spi.Ledger;
import dev.airlock.spi.Place;
import dev.airlock.testkit.ManualClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Writes a realistic ledger history through the real engine, on the ledger it is given, with checkpoints
 * wherever the engine writes them: builds of 30 services registered and promoted through every stage of the
 * landscape, verified after each promotion, approved by two release managers before production; every 10th
 * build first asks for production too early (recorded as pending, where the guardrails ask for approvals;
 * every 100th is left waiting there), every 7th stops after the second stage.
 * A clock that only this writer moves keeps soak times and maximum ages honest. The artifact bytes go nowhere
 * ({@link NoCopy}): the history is what the ledger says, and a cold start reads only the ledger.
 */
final class History {
    static final Principal CI = Principal.of("ci", "deployers");
    private static final List<Principal> APPROVERS = List.of(Principal.of("rita", "release-managers"),
            Principal.of("rob", "release-managers"));
    private static final int SERVICES = 30;

    private final PromotionEngine engine;
    private final ManualClock clock;
    private final List<String> stages;
    private final String production;
    private long builds;

    /** The owners whose keys sign a history: the promoter, the approvers and the builder. */
    static final java.util.Set<String> SIGNERS = java.util.Set.of("ci", "rita", "rob", "ci@tooling");

    History(Landscape landscape, Guardrails guardrails, Ledger ledger, ManualClock clock, int checkpointInterval,
            Keyring keyring, Signers signers) {
        this.clock = clock;
        this.stages = landscape.environments().stream().map(Environment::name).toList();
        this.production = landscape.environments().stream().filter(e -> e.tier() == Tier.PRODUCTION)
                .map(Environment::name).findFirst().orElse(stages.get(stages.size() - 1));
        this.engine = PromotionEngine.builder().keyring(keyring).signers(signers).landscape(landscape).guardrails(guardrails).store(new NoCopy())
                .access(new NoAccess()).ledger(ledger).clock(clock).checkpointInterval(checkpointInterval).build();
    }

    /** The most entries one build appends: registered, six per stage, one early production attempt, two approvals. */
    private int mostPerBuild() {
        return 1 + 6 * stages.size() + 1 + APPROVERS.size();
    }

    /** Appends builds until the ledger holds exactly {@code entries} entries (registrations fill the last few). */
    void fillTo(long entries) {
        long head = engine.head().sequence();
        while (head + mostPerBuild() <= entries) {
            build();
            head = engine.head().sequence();
        }
        while (head < entries) {
            register();
            head++;
        }
    }

    /** One build's journey through the stages. */
    private void build() {
        Digest digest = register();
        long n = builds;
        for (String stage : stages) {
            if (stage.equals(production)) {
                clock.advance(Duration.ofMinutes(61)); // the staging soak
                if (n % 10 == 0 && engine.plan(command(digest, stage, true)).decision().outcome() == Outcome.PENDING) {
                    promote(digest, stage, PromotionResult.Status.PENDING);
                    if (n % 100 == 0) {
                        return; // nobody approves it: it stays waiting, as some requests do
                    }
                }
                APPROVERS.forEach(approver -> engine.approve(digest, stage, approver));
            }
            promote(digest, stage, PromotionResult.Status.PROMOTED);
            engine.markVerified(digest, stage, CI);
            clock.advance(Duration.ofMinutes(1));
            if (n % 7 == 0 && stage.equals(stages.get(Math.min(1, stages.size() - 1)))) {
                return;
            }
        }
    }

    /** Registers the next build (one entry) and returns its digest. */
    Digest register() {
        long n = ++builds;
        String service = String.format("service-%02d", n % SERVICES);
        byte[] bytes = (service + " build " + n).getBytes(StandardCharsets.UTF_8);
        clock.advance(Duration.ofMinutes(1));
        return engine.register(registration(service, "1." + n + ".0", clock), new ByteArrayInputStream(bytes), CI)
                .digest();
    }

    static ArtifactRegistration registration(String service, String version, ManualClock clock) {
        return new ArtifactRegistration(service, version, ArtifactKind.FILE, "application/java-archive",
                new Provenance("github.com/acme/" + service, "c0ffee", "build-" + version, "ci@tooling",
                        clock.instant().minusSeconds(60)));
    }

    private void promote(Digest digest, String stage, PromotionResult.Status expected) {
        PromotionResult result = engine.promote(command(digest, stage, expected == PromotionResult.Status.PENDING));
        if (result.status() != expected) {
            throw new IllegalStateException("promotion into " + stage + " ended " + result.status() + ", expected "
                    + expected + ":\n" + result.decision().explain());
        }
        clock.advance(Duration.ofMinutes(1));
    }

    private static PromotionCommand command(Digest digest, String stage, boolean early) {
        return PromotionCommand.builder(digest, stage, CI).idempotencyKey(digest + "@" + stage + (early ? "-early" : ""))
                .build();
    }

    PromotionEngine engine() {
        return engine;
    }

    /** Hashes what it is given and keeps nothing: the history's artifacts exist only in the ledger. */
    static final class NoCopy implements ArtifactStore {
        @Override
        public Upload upload(InputStream content, String mediaType) {
            try {
                byte[] bytes = content.readAllBytes();
                return new Upload(Digest.of(bytes), bytes.length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public boolean contains(Place place, Digest digest, AccessSession session) {
            return true;
        }

        @Override
        public Transfer transfer(Digest digest, Place target, AccessSession session) {
            return new Transfer(digest, 0, true);
        }

        @Override
        public void verify(Digest digest, Place place, AccessSession session) {
        }

        @Override
        public boolean isImmutable(Place place) {
            return false;
        }
    }

    /** Opens every environment; nothing to assume. */
    static final class NoAccess implements EnvironmentAccess {
        @Override
        public AccessSession open(Environment environment, AccessContext context) {
            return new AccessSession() {
                @Override
                public Environment environment() {
                    return environment;
                }

                @Override
                public AccessContext context() {
                    return context;
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
