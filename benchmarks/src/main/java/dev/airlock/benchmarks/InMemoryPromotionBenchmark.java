package dev.airlock.benchmarks;

import dev.airlock.artifact.Digest;
import dev.airlock.guardrail.Principal;
import dev.airlock.promotion.PromotionCommand;
import dev.airlock.promotion.PromotionEngine;
import dev.airlock.promotion.PromotionResult;
import dev.airlock.testkit.TestWorld;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Promotions per second on one thread through the testkit's in-memory landscape: core's real engine
 * and guardrails, the in-memory store, role-chained access and the hash-chained ledger, with every
 * call recorded. One invocation registers a new build and promotes it dev → test → staging → prod,
 * marking it verified in each stage so the built-in no-skipping guardrail lets it on: four
 * promotions, each a decision, a lease, a role chain, a transfer, a verification and five ledger
 * entries. A fresh world per iteration keeps the ledger from growing without bound.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class InMemoryPromotionBenchmark {
    private static final Principal ALICE = Principal.of("alice", "developers");
    private static final String[] STAGES = {"dev", "test", "staging", "prod"};

    private TestWorld world;
    private PromotionEngine engine;
    private long build;

    @Setup(Level.Iteration)
    public void freshWorld() {
        world = TestWorld.fourStages().build();
        engine = world.engine();
        build = 0;
    }

    @Benchmark
    @OperationsPerInvocation(4)
    public Digest promoteThroughFourStages() {
        Digest digest = world.register("payments-api", "1." + build++);
        for (String stage : STAGES) {
            PromotionResult result = engine.promote(PromotionCommand.builder(digest, stage, ALICE).build());
            if (result.status() != PromotionResult.Status.PROMOTED) {
                throw new IllegalStateException("benchmark set-up is wrong: " + result.decision().summary());
            }
            engine.markVerified(digest, stage, TestWorld.DEPLOY_TOOLING);
        }
        return digest;
    }
}
