package dev.airlock.benchmarks;

import dev.airlock.artifact.Digest;
import java.util.concurrent.ThreadLocalRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Throughput of computing an artifact digest: bounds registration and every verification. */
@State(Scope.Benchmark)
public class DigestBenchmark {
    @Param({"1024", "1048576"})
    int size;

    byte[] bytes;

    @Setup
    public void setUp() {
        bytes = new byte[size];
        ThreadLocalRandom.current().nextBytes(bytes);
    }

    @Benchmark
    public Digest sha256() {
        return Digest.of(bytes);
    }
}
