package dev.airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Promoting a digest back into an environment that moved on promotes it; "already promoted" is said
 * only while the environment runs it, or for a retry under the caller's own {@code --key}.
 */
class RepromoteCliIT {
    @TempDir
    Path dir;

    Path config;
    Path state;
    String x;
    String y;

    @BeforeEach
    void setUp() throws IOException {
        config = dir.resolve("airlock.yaml");
        Files.writeString(config, TimeFreeConfig.strip(
                Files.readString(AirlockScript.ROOT.resolve("examples/config/airlock.yaml"))));
        SampleKeys.create(config);
        state = dir.resolve("state");
        x = register("1.0.0");
        y = register("2.0.0");
    }

    private String register(String version) throws IOException {
        Path jar = Files.writeString(dir.resolve("payments-api-" + version + ".jar"), "payments-api " + version);
        return expect(0, airlock("ci@tooling", "register", jar.toString(), "--name", "payments-api", "--version",
                version, "--source-repo", "github.com/acme/payments", "--revision", "9f1c2e7")).out().strip();
    }

    private AirlockScript.Result airlock(String as, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config", config.toString(), "--state", state.toString(), "--as", as));
        return AirlockScript.run(all.toArray(String[]::new));
    }

    private static AirlockScript.Result expect(int exitCode, AirlockScript.Result result) {
        assertEquals(exitCode, result.exitCode(), result.all());
        return result;
    }

    @Test
    void promote_backIntoAnEnvironmentThatMovedOn_promotes() {
        expect(0, airlock("alice", "promote", "--digest", x, "--to", "dev"));
        expect(0, airlock("alice", "promote", "--digest", y, "--to", "dev"));

        String back = expect(0, airlock("alice", "promote", "--digest", x, "--to", "dev")).out();

        assertFalse(back.contains("ALREADY"), back);
        String retry = expect(0, airlock("alice", "promote", "--digest", x, "--to", "dev")).out();
        assertTrue(retry.contains("ALREADY PROMOTED"), retry);
    }

    @Test
    void retry_underTheCallersOwnKey_staysANoOpAfterTheEnvironmentMovedOn() {
        expect(0, airlock("alice", "promote", "--digest", x, "--to", "dev", "--key", "release-42"));
        expect(0, airlock("alice", "promote", "--digest", y, "--to", "dev"));

        String retry = expect(0, airlock("alice", "promote", "--digest", x, "--to", "dev", "--key", "release-42")).out();

        assertTrue(retry.contains("ALREADY PROMOTED"), retry);
    }
}
