package dev.airlock.benchmarks;

import dev.airlock.artifact.ArtifactKind;
import dev.airlock.artifact.Digest;
import dev.airlock.artifact.Provenance;
import dev.airlock.attestation.InMemoryKeys;
import dev.airlock.aws.AwsBackend;
import dev.airlock.environment.Landscape;
import dev.airlock.guardrail.Guardrails;
import dev.airlock.guardrail.Principal;
import dev.airlock.promotion.ArtifactRegistration;
import dev.airlock.promotion.PromotionCommand;
import dev.airlock.promotion.PromotionEngine;
import dev.airlock.promotion.PromotionResult;
import dev.airlock.testkit.aws.AwsWorld;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One artifact's whole journey through {@code airlock-aws}: register a 1 KiB file (upload to the tooling
 * account's origin bucket), then promote it dev → staging → prod with the {@link PromotionEngine} (role
 * chain, server-side copy, verification and every ledger entry in the security account's S3 ledger), on
 * the testkit's in-memory AWS ({@code target=fakes}) or on moto_server ({@code target=moto}). Role chains
 * are warm after the first operation, as in a long-running promoter. Guardrails allow everything: their
 * cost is {@link GuardrailBenchmark}'s subject.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AwsPromotionBenchmark {
    /** Every principal's and builder's signing key, made on first use. */
    private static final InMemoryKeys KEYS = new InMemoryKeys();

    private static final Principal ALICE = Principal.of("alice", "developers");
    private static final int SIZE = 1024;

    @Param({"fakes", "moto"})
    public String target;

    private AwsBackend backend;
    private AwsWorld world;
    private PromotionEngine engine;
    private long version;

    @Setup(Level.Trial)
    public void start() {
        Landscape landscape = AwsPromotionTargets.landscape();
        backend = target.equals("moto") ? AwsPromotionTargets.moto(landscape)
                : AwsPromotionTargets.fakes(landscape, aws -> world = aws);
        engine = PromotionEngine.builder().keyring(KEYS).signers(KEYS).landscape(landscape).guardrails(new AllowAll())
                .store(backend.s3Store()).access(backend.environmentAccess()).ledger(backend.ledger())
                .clock(Clock.systemUTC()).build();
    }

    /** The in-memory world records every call; forget them between iterations so memory stays flat. */
    @Setup(Level.Iteration)
    public void forgetCalls() {
        if (world != null) {
            world.clearCalls();
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        backend.close();
    }

    @Benchmark
    public Digest registerAndPromoteDevStagingProd() {
        long n = ++version;
        byte[] content = ByteBuffer.allocate(SIZE).putLong(n).array();
        Digest digest = engine.register(new ArtifactRegistration("payments-api", "1.0." + n, ArtifactKind.FILE,
                "application/java-archive", new Provenance("github.com/acme/payments", "c0ffee", "build-" + n,
                        "ci@tooling", Instant.now().minusSeconds(60))), new ByteArrayInputStream(content), ALICE).digest();
        for (String environment : List.of("dev", "staging", "prod")) {
            PromotionResult result = engine.promote(PromotionCommand.builder(digest, environment, ALICE).build());
            if (result.status() != PromotionResult.Status.PROMOTED) {
                throw new IllegalStateException("promotion into " + environment + " ended " + result.status());
            }
        }
        return digest;
    }
}
