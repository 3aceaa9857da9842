package dev.airlock.testkit;

import dev.airlock.InvalidValueException;
import dev.airlock.artifact.ArtifactKind;
import dev.airlock.artifact.Digest;
import dev.airlock.artifact.Provenance;
import dev.airlock.attestation.InMemoryKeys;
import dev.airlock.environment.Landscape;
import dev.airlock.environment.Tier;
import dev.airlock.guardrail.Guardrails;
import dev.airlock.guardrail.Principal;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.promotion.ArtifactRegistration;
import dev.airlock.promotion.EnvironmentStatus;
import dev.airlock.promotion.PromotionCommand;
import dev.airlock.promotion.PromotionEngine;
import dev.airlock.promotion.PromotionResult;
import dev.airlock.spi.Place;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A complete Airlock landscape in memory: core's real {@link PromotionEngine} and guardrails over
 * in-memory ports (an artifact store per account, role-chained environment access, a hash-chained
 * ledger), a {@link ManualClock}, {@link Faults} and a {@link CallLog}. Build one with
 * {@link #builder()} or start from {@link #fourStages()}:
 *
 * <pre>{@code
 * TestWorld world = TestWorld.fourStages().build();
 * Digest digest = world.register("payments-api", "1.0.0");
 * PromotionResult result = world.engine().promote(
 *         PromotionCommand.builder(digest, "dev", Principal.of("alice", "developers")).build());
 * }</pre>
 *
 * Nothing here needs JUnit. Thread-safe as far as the engine is.
 */
public final class TestWorld {
    /** Who registers artifacts by default: the build identity trusted by {@link #fourStages()}. */
    public static final String BUILDER = "ci@tooling";
    /** Who reports deployments healthy in {@link #markVerified}. */
    public static final Principal DEPLOY_TOOLING = Principal.of("deploy-bot");

    private final Landscape landscape;
    private final Guardrails guardrails;
    private final ManualClock clock;
    private final Faults faults;
    private final CallLog calls;
    private final InMemoryArtifactStore store;
    private final InMemoryEnvironmentAccess access;
    private final InMemoryLedger ledger;
    private final PromotionEngine engine;
    private final Supplier<PromotionEngine> engines;
    private final String sourceRepository;
    private final Map<String, List<String>> people;

    private final InMemoryKeys keys;

    TestWorld(Landscape landscape, Guardrails guardrails, Map<String, List<String>> people, ManualClock clock,
            Faults faults, CallLog calls, InMemoryArtifactStore store, InMemoryEnvironmentAccess access,
            InMemoryLedger ledger, Supplier<PromotionEngine> engines, String sourceRepository, InMemoryKeys keys) {
        this.keys = keys;
        this.landscape = landscape;
        this.guardrails = guardrails;
        this.people = people;
        this.clock = clock;
        this.faults = faults;
        this.calls = calls;
        this.store = store;
        this.access = access;
        this.ledger = ledger;
        this.engines = engines;
        this.engine = engines.get();
        this.sourceRepository = sourceRepository;
    }

    /**
     * Every person's and builder's signing key in this world: each gets its own the first time it signs,
     * and the engines verify attestations against them. Sign with one to forge in a test.
     */
    public InMemoryKeys keys() {
        return keys;
    }

    /** An empty builder: add accounts, environments, a pipeline and permissions. */
    public static TestWorldBuilder builder() {
        return new TestWorldBuilder();
    }

    /**
     * The usual pipeline, ready to extend: tooling {@code 111111111111}, security {@code 999999999999},
     * {@code dev} (222222222222) → {@code test} (333333333333) → {@code staging} (444444444444) →
     * {@code prod} (555555555555, production tier), members of the people group {@code developers}
     * may promote, and the clock stands at Monday 2026-03-02 09:00 UTC.
     */
    public static TestWorldBuilder fourStages() {
        return builder().tooling("111111111111").security("999999999999")
                .environment("dev", "222222222222", Tier.DEVELOPMENT)
                .environment("test", "333333333333", Tier.TEST)
                .environment("staging", "444444444444", Tier.STAGING)
                .environment("prod", "555555555555", Tier.PRODUCTION)
                .pipeline("dev", "test", "staging", "prod")
                .permit("developers");
    }

    /** The engine, wired to this world's ports, guardrails and clock. */
    public PromotionEngine engine() {
        return engine;
    }

    /**
     * A new engine over this world's store, access, ledger and clock, as a second process promoting at
     * the same time would have: the two share everything but their in-memory view of the ledger, and
     * the ledger's compare-and-set and the leases keep them apart.
     */
    public PromotionEngine anotherEngine() {
        return engines.get();
    }

    public Landscape landscape() {
        return landscape;
    }

    public Guardrails guardrails() {
        return guardrails;
    }

    /** People groups, group name to members, as the guardrails see them. */
    public Map<String, List<String>> people() {
        return people;
    }

    /** The clock every component reads; move it to let soak time pass or a window open. */
    public ManualClock clock() {
        return clock;
    }

    public Faults faults() {
        return faults;
    }

    public CallLog calls() {
        return calls;
    }

    public InMemoryArtifactStore store() {
        return store;
    }

    public InMemoryEnvironmentAccess access() {
        return access;
    }

    /** The ledger's storage; {@link InMemoryLedger#tamper} rewrites it behind the engine's back. */
    public InMemoryLedger ledger() {
        return ledger;
    }

    /** Where {@code environment}'s bytes live in its own account. */
    public Place place(String environment) {
        return Place.of(landscape.require(environment));
    }

    /**
     * Registers the bytes {@code "<name> <version>"} as a file built an hour ago by {@link #BUILDER}
     * from this world's source repository, and returns their digest.
     */
    public Digest register(String name, String version) {
        return register(name, version, (name + " " + version).getBytes(StandardCharsets.UTF_8));
    }

    /** Registers {@code content} as {@code name:version}, built an hour ago by {@link #BUILDER}. */
    public Digest register(String name, String version, byte[] content) {
        Provenance provenance = new Provenance(sourceRepository, "rev-" + version, "build-" + name + "-" + version,
                BUILDER, clock.instant().minus(Duration.ofHours(1)));
        ArtifactRegistration registration = new ArtifactRegistration(name, version, ArtifactKind.FILE,
                "application/octet-stream", provenance);
        return engine.register(registration, new ByteArrayInputStream(content), Principal.of(BUILDER)).digest();
    }

    /** Promotes {@code digest} into {@code target} for {@code principal}, with the default idempotency key. */
    public PromotionResult promote(Digest digest, String target, Principal principal) {
        return engine.promote(PromotionCommand.builder(digest, target, principal).build());
    }

    /** Records that deploy tooling found {@code digest} healthy in {@code environment} (soak starts now). */
    public LedgerEntry markVerified(Digest digest, String environment) {
        return engine.markVerified(digest, environment, DEPLOY_TOOLING);
    }

    /**
     * Promotes {@code digest} through {@code stages} in order, marking it verified in each, as a
     * pipeline whose policies allow it would; stops at the first promotion that does not end
     * {@code PROMOTED} and returns that result, else the last one.
     */
    public PromotionResult promoteThrough(Digest digest, Principal principal, String... stages) {
        if (stages.length == 0) {
            throw new InvalidValueException("stages", "[]", "must name at least one environment");
        }
        PromotionResult result = null;
        for (String stage : stages) {
            result = promote(digest, stage, principal);
            if (result.status() != PromotionResult.Status.PROMOTED) {
                return result;
            }
            markVerified(digest, stage);
        }
        return result;
    }

    /** What {@code environment} runs now, if anything. */
    public Optional<Digest> current(String environment) {
        landscape.require(environment);
        for (EnvironmentStatus status : engine.status()) {
            if (status.environment().name().equals(environment) && status.current() != null) {
                return Optional.of(status.current().digest());
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "TestWorld[" + landscape + ", " + clock + "]";
    }
}
