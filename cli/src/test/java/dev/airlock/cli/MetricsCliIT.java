package dev.airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --metrics} prints the engine's meters on stderr when the command ends; stdout stays the answer. */
class MetricsCliIT {
    @TempDir
    Path dir;

    @Test
    void promote_withMetrics_printsDecisionsStepsBytesAndLedgerAppends() throws IOException {
        Path config = dir.resolve("airlock.yaml");
        Files.writeString(config, TimeFreeConfig.withSoak(
                Files.readString(AirlockScript.ROOT.resolve("examples/config/airlock.yaml"))));
        SampleKeys.create(config);
        String[] common = {"--config", config.toString(), "--state", dir.resolve("state").toString()};
        Path jar = Files.writeString(dir.resolve("payments-api.jar"), "payments-api 1.4.2 bytes");
        AirlockScript.Result registered = AirlockScript.run(concat(new String[] {"register", jar.toString(), "--name",
                "payments-api", "--version", "1.4.2", "--source-repo", "github.com/acme/payments", "--revision",
                "9f1c2e7", "--as", "ci@tooling"}, common));
        assertEquals(0, registered.exitCode(), registered.all());

        AirlockScript.Result promoted = AirlockScript.run(concat(new String[] {"promote", "--digest",
                registered.out().strip(), "--to", "dev", "--as", "alice", "--metrics"}, common));

        assertEquals(0, promoted.exitCode(), promoted.all());
        assertFalse(promoted.out().contains("metrics:"), promoted.out());
        assertTrue(promoted.err().contains("airlock.decisions{environment=dev,outcome=ALLOWED} count=1"), promoted.err());
        assertTrue(promoted.err().contains("airlock.transfer.bytes{environment=dev} count=24"), promoted.err());
        assertTrue(promoted.err().contains("airlock.promotion.step{step=released} count=1"), promoted.err());
        assertTrue(promoted.err().contains("airlock.ledger.append{outcome=ok} count="), promoted.err());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
