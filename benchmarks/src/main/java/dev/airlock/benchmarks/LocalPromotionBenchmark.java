package dev.airlock.benchmarks;

import dev.airlock.artifact.ArtifactKind;
import dev.airlock.artifact.Digest;
import dev.airlock.artifact.Provenance;
import dev.airlock.attestation.InMemoryKeys;
import dev.airlock.config.AirlockConfiguration;
import dev.airlock.guardrail.Principal;
import dev.airlock.local.LocalBackend;
import dev.airlock.promotion.ArtifactRegistration;
import dev.airlock.promotion.PromotionCommand;
import dev.airlock.promotion.PromotionEngine;
import dev.airlock.promotion.PromotionResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Promotions per second through the real engine on the local backend: one small artifact (about
 * 20 bytes) registered, then promoted dev → test → staging → prod, with deploy tooling reporting it
 * verified at each stage so the default no-skipping guardrail lets it on. Every promotion takes the
 * lease, copies and verifies the bytes, and appends its entries to the file ledger with fsync, under
 * a policy set of provenance, permission, maximum age and no-skipping.
 *
 * <p>One operation is one registration plus four promotions (and four verified reports); promotions
 * per second are four times the score. Run with {@code -p directory=/dev/shm} to take the disk's
 * fsync latency out of the figure.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class LocalPromotionBenchmark {
    /** Every principal's and builder's signing key, made on first use. */
    private static final InMemoryKeys KEYS = new InMemoryKeys();

    private static final String[] STAGES = {"dev", "test", "staging", "prod"};
    private static final Principal CI = Principal.of("ci@tooling", "deployers");
    private static final String CONFIGURATION = """
            version: 1
            accounts: {tooling: "111111111111", security: "999999999999"}
            environments:
              - {name: dev, account: "222222222222",
                 regions: [eu-central-1], deployRole: "arn:aws:iam::222222222222:role/deploy", tier: development}
              - {name: test, account: "333333333333",
                 regions: [eu-central-1], deployRole: "arn:aws:iam::333333333333:role/deploy", tier: test}
              - {name: staging, account: "444444444444",
                 regions: [eu-central-1], deployRole: "arn:aws:iam::444444444444:role/deploy", tier: staging}
              - {name: prod, account: "555555555555",
                 regions: [eu-central-1], deployRole: "arn:aws:iam::555555555555:role/deploy", tier: production}
            pipeline:
              entry: [dev]
              promotions: [{from: dev, to: test}, {from: test, to: staging}, {from: staging, to: prod}]
            groups:
              deployers: []
            policies:
              - id: organization
                version: 1
                attach: organization
                statements:
                  - {id: trusted-builds, kind: provenance, builders: ["ci@*"], repositories: ["github.com/acme/*"]}
                  - {id: deployers-promote, kind: permission, groups: [deployers]}
                  - {id: fresh-artifacts, kind: max-age, maxAge: 30d}
            """;

    @Param({""})
    public String directory;

    private Path root;
    private PromotionEngine engine;
    private long version;

    @Setup
    public void open() throws IOException {
        Path parent = Path.of(directory.isEmpty() ? System.getProperty("java.io.tmpdir") : directory);
        root = Files.createTempDirectory(parent, "airlock-promotion-bench-");
        AirlockConfiguration configuration = AirlockConfiguration.parse("benchmark.yaml", CONFIGURATION, false);
        LocalBackend backend = LocalBackend.open(root, configuration.landscape(), Clock.systemUTC());
        engine = PromotionEngine.builder().keyring(KEYS).signers(KEYS).landscape(configuration.landscape())
                .guardrails(configuration.guardrails()).store(backend.artifactStore())
                .access(backend.environmentAccess()).ledger(backend.ledger()).build();
    }

    @TearDown
    public void delete() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Benchmark
    public Digest registerAndPromoteThroughFourStages() {
        String release = "1.0." + version++;
        byte[] bytes = ("payments-api " + release).getBytes(StandardCharsets.UTF_8);
        Provenance provenance = new Provenance("github.com/acme/payments", "c0ffee", "build-" + release, "ci@tooling",
                Instant.now());
        Digest digest = engine.register(new ArtifactRegistration("payments-api", release, ArtifactKind.FILE,
                "application/java-archive", provenance), new ByteArrayInputStream(bytes), CI).digest();
        for (String stage : STAGES) {
            PromotionResult result = engine.promote(PromotionCommand.builder(digest, stage, CI).build());
            if (result.status() != PromotionResult.Status.PROMOTED) {
                throw new IllegalStateException("promotion into " + stage + " ended " + result.status());
            }
            engine.markVerified(digest, stage, CI);
        }
        return digest;
    }
}
