package dev.airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real run: a PENDING promotion waits out a short soak while {@code reconcile --watch} runs, is promoted by
 * it once, and the watch stops cleanly on SIGTERM; a withdrawn request is left alone.
 */
class ReconcileCliIT {
    @TempDir
    Path dir;

    Path config;

    private AirlockScript.Result airlock(String as, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config", config.toString(), "--state", dir.resolve("state").toString(), "--as", as));
        return AirlockScript.run(all.toArray(String[]::new));
    }

    private static AirlockScript.Result exits(int code, AirlockScript.Result result) {
        assertEquals(code, result.exitCode(), result.all());
        return result;
    }

    @Test
    void reconcileWatch_promotesWhatWaitedOnceItsSoakPasses_andStopsOnSigterm() throws Exception {
        config = dir.resolve("airlock.yaml");
        // A soak short enough to pass during the test (writes take the clock's time, never a claimed one), and
        // long enough that the commands between the staging report and the watch finish within it on a loaded
        // machine.
        Files.writeString(config, TimeFreeConfig.withSoak(Files.readString(
                AirlockScript.ROOT.resolve("examples/config/airlock.yaml"))).replace("duration: 24h", "duration: 30s"));
        SampleKeys.create(config);
        Path jar = Files.writeString(dir.resolve("payments-api.jar"), "payments-api 1.4.2 bytes");
        String digest = exits(0, airlock("ci@tooling", "register", jar.toString(), "--name", "payments-api",
                "--version", "1.4.2", "--source-repo", "github.com/acme/payments", "--revision", "9f1c2e7")).out().strip();
        // Approved first, so that only the staging report and the requests fall inside the soak.
        for (String approver : List.of("rob", "rae")) {
            exits(0, airlock(approver, "approve", "--digest", digest, "--env", "prod-eu"));
        }
        for (String env : List.of("dev", "test", "staging")) {
            exits(0, airlock("alice", "promote", "--digest", digest, "--to", env));
            exits(0, airlock("deploy-bot", "verified", "--digest", digest, "--env", env));
        }
        exits(ExitCodes.PENDING, airlock("rita", "promote", "--digest", digest, "--to", "prod-eu",
                "--attr", "change=CHG-2041"));
        AirlockScript.Result us = exits(ExitCodes.PENDING, airlock("rita", "promote", "--digest", digest,
                "--to", "prod-us", "--attr", "change=CHG-2042", "-o", "json"));
        String usId = new com.fasterxml.jackson.databind.ObjectMapper().readTree(us.out()).get("promotionId").asText();
        AirlockScript.Result notHers = airlock("alice", "withdraw", usId, "--reason", "not mine");
        assertEquals(ExitCodes.DENIED, notHers.exitCode(), notHers.all());
        assertTrue(notHers.err().contains("alice may not withdraw promotion " + usId), notHers.all());
        exits(0, airlock("rita", "withdraw", usId, "--reason", "US launch postponed"));

        Process watch = start(dir.resolve("watch.out"), dir.resolve("watch.err"), "rita", "reconcile", "--watch", "1s");
        try {
            waitFor(dir.resolve("watch.out"), "PROMOTED ");
        } finally {
            watch.destroy(); // SIGTERM
        }
        assertTrue(watch.waitFor(60, TimeUnit.SECONDS), "reconcile --watch did not stop on SIGTERM");
        assertTrue(Files.readString(dir.resolve("watch.err")).contains("reconcile stopped"),
                Files.readString(dir.resolve("watch.err")));

        String history = exits(0, airlock("rita", "history", "prod-eu", "-o", "json")).out();
        assertEquals(1, history.split("\"PROMOTED\"", -1).length - 1, history);
        String status = exits(0, airlock("rita", "status", "-o", "json")).out();
        assertTrue(status.contains(digest), status);
        assertTrue(exits(0, airlock("rita", "history", "prod-us")).out().contains("WITHDRAWN"));
        assertEquals("nothing is pending", exits(0, airlock("rita", "reconcile")).out().strip());
    }

    private Process start(Path out, Path err, String as, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(AirlockScript.ROOT.resolve("airlock").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--config", config.toString(), "--state", dir.resolve("state").toString(), "--as", as));
        return new ProcessBuilder(command).directory(AirlockScript.ROOT.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
    }

    /** Waits until {@code file} contains {@code text}; fails after a minute, naming what it saw. */
    private static void waitFor(Path file, String text) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (Files.exists(file) && Files.readString(file).contains(text)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no '" + text + "' after a minute; output:\n" + Files.readString(file));
    }
}
