package dev.airlock.benchmarks;

import dev.airlock.testkit.TestWorld;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the JUnit extension costs each test before it starts: building a fresh world (landscape,
 * compiled guardrails, in-memory ports, engine) from its description. {@code fourStages} is the
 * default world; {@code cliConfiguration} parses and validates the CLI's sample configuration
 * (five environments, four policy documents) every time, as {@code AirlockExtension.fromConfiguration}
 * does. Run from the repository root, or pass {@code -p configuration=/path/to/airlock.yaml}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ExtensionSetupBenchmark {
    @Param({"examples/config/airlock.yaml"})
    public String configuration;

    private String yaml;

    @Setup
    public void readConfiguration() throws IOException {
        Path file = Path.of(configuration);
        if (!Files.isRegularFile(file)) {
            throw new IOException(file.toAbsolutePath() + " does not exist: run from the repository root or pass "
                    + "-p configuration=<path to airlock.yaml>");
        }
        yaml = Files.readString(file, StandardCharsets.UTF_8);
    }

    @Benchmark
    public TestWorld fourStages() {
        return TestWorld.fourStages().build();
    }

    @Benchmark
    public TestWorld cliConfiguration() {
        return TestWorld.builder().configurationYaml(configuration, yaml).build();
    }
}
