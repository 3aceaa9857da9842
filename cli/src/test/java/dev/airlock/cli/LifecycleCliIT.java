package dev.airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.ledger.LedgerChain;
import dev.airlock.local.LocalFileLedger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The life cycle through the real ./airlock script, one process per command, with every exit code. */
class LifecycleCliIT {
    @TempDir
    Path dir;

    Path config;
    Path state;

    @BeforeEach
    void setUp() throws IOException {
        config = dir.resolve("airlock.yaml");
        // Writes take the clock's time: the story must not depend on the day the tests run.
        Files.writeString(config, TimeFreeConfig.strip(
                Files.readString(AirlockScript.ROOT.resolve("examples/config/airlock.yaml"))));
        SampleKeys.create(config);
        state = dir.resolve("state");
    }

    private AirlockScript.Result airlock(String as, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config", config.toString(), "--state", state.toString(), "--as", as));
        return AirlockScript.run(all.toArray(String[]::new));
    }

    private AirlockScript.Result ok(AirlockScript.Result result) {
        assertEquals(0, result.exitCode(), result.all());
        return result;
    }

    private String registerAndWalkToStaging() throws IOException {
        Path jar = Files.writeString(dir.resolve("payments-api.jar"), "payments-api 1.4.2 bytes");
        String digest = ok(airlock("ci@tooling", "register", jar.toString(), "--name", "payments-api",
                "--version", "1.4.2", "--source-repo", "github.com/acme/payments", "--revision", "9f1c2e7"))
                .out().strip();
        assertTrue(digest.matches("sha256:[0-9a-f]{64}"), digest);
        for (String env : List.of("dev", "test", "staging")) {
            ok(airlock("alice", "promote", "--digest", digest, "--to", env));
            ok(airlock("deploy-bot", "verified", "--artifact", "payments-api:1.4.2", "--env", env));
        }
        return digest;
    }

    @Test
    void withoutIdentitiesDeclaredUnauthenticated_theLocalBackendRefusesToAct_sayingWhatToConfigure()
            throws IOException {
        String sample = Files.readString(config);
        Files.writeString(config, sample.substring(0, sample.indexOf("\nbackend:")));
        Path jar = Files.writeString(dir.resolve("payments-api.jar"), "payments-api 1.4.2 bytes");

        AirlockScript.Result refused = airlock("ci@tooling", "register", jar.toString(), "--name",
                "payments-api", "--version", "1.4.2", "--source-repo", "github.com/acme/payments", "--revision", "9f1c2e7");

        assertEquals(2, refused.exitCode(), refused.all());
        assertTrue(refused.err().contains("identities: {mode: unauthenticated}"), refused.err());
        assertTrue(Files.notExists(state.resolve("ledger.jsonl")) || Files.readString(state.resolve("ledger.jsonl"))
                .isEmpty(), "nothing recorded");
    }

    @Test
    void whereIdentitiesAreDeclaredUnauthenticated_everyEntryIsMarkedWithTheOsUser() throws IOException {
        registerAndWalkToStaging();

        JsonNode history = new ObjectMapper().readTree(ok(airlock("alice", "history", "staging", "-o", "json"))
                .out());
        assertTrue(history.size() >= 5, history.toString());
        for (JsonNode entry : history) {
            JsonNode details = entry.path("details");
            assertEquals("true", details.path("unauthenticated").asText(), entry.toString());
            assertEquals("os-user", details.path("authenticatedBy").asText(), entry.toString());
            assertEquals(System.getProperty("user.name"), details.path("caller").asText(), entry.toString());
        }
    }

    @Test
    void aReleaseThroughEveryStage_withEachExitCodeFromARealScenario() throws IOException {
        String digest = registerAndWalkToStaging();

        AirlockScript.Result shortcut = airlock("alice", "promote", "--digest", digest, "--from", "dev",
                "--to", "prod-eu");
        assertEquals(3, shortcut.exitCode(), shortcut.all());
        assertTrue(shortcut.out().contains("DENIED"), shortcut.out());

        AirlockScript.Result pending = airlock("rita", "promote", "--digest", digest, "--to", "prod-eu",
                "--attr", "change=CHG-2041");
        assertEquals(4, pending.exitCode(), pending.all());
        assertTrue(pending.out().contains("2 more approvals from group release-managers"), pending.out());

        AirlockScript.Result badDigest = airlock("rita", "promote", "--digest", "sha256:1234", "--to", "prod-eu");
        assertEquals(2, badDigest.exitCode(), badDigest.all());
        assertTrue(badDigest.err().contains("must be 'sha256:' followed by 64 lowercase hex digits"), badDigest.err());

        ok(airlock("rob", "approve", "--digest", digest, "--env", "prod-eu"));
        ok(airlock("rae", "approve", "--digest", digest, "--env", "prod-eu"));
        AirlockScript.Result plan = airlock("rita", "plan", "--digest", digest, "--to", "prod-eu",
                "--attr", "change=CHG-2041", "--output", "json");
        assertEquals(0, plan.exitCode(), plan.all());
        JsonNode planJson = new ObjectMapper().readTree(plan.out());
        assertEquals("ALLOWED", planJson.path("decision").path("outcome").asText(), plan.out());

        AirlockScript.Result promoted = airlock("rita", "promote", "--digest", digest, "--to", "prod-eu",
                "--attr", "change=CHG-2041", "--output", "json");
        assertEquals(0, promoted.exitCode(), promoted.all());
        assertEquals("PROMOTED", new ObjectMapper().readTree(promoted.out()).path("status").asText());

        JsonNode status = new ObjectMapper().readTree(ok(airlock("rita", "status", "-o", "json")).out());
        assertEquals(digest, status.path("environments").get(3).path("digest").asText(), status.toString());
        String pin = status.path("ledgerHead").path("pin").asText();
        assertTrue(ok(airlock("rita", "verify-ledger", "--expected-head", pin)).out()
                .contains("head: " + pin));
        assertTrue(ok(airlock("rita", "history", "prod-eu")).out().contains("PROMOTED"));
        assertTrue(ok(airlock("rita", "verify-ledger")).out().contains("ledger intact"));
        assertTrue(LedgerChain.verify(LocalFileLedger.open(state.resolve("ledger.jsonl")).read(1)).ok());
    }

    @Test
    void aPromoterThatDiedHoldingTheLease_isAConflict_untilItsPromotionIsAborted() throws IOException {
        String digest = registerAndWalkToStaging();
        String crashed = LocalDeadPromoter.diedHoldingTheLease(config, state, "test");

        AirlockScript.Result busy = airlock("alice", "promote", "--digest", digest, "--to", "test",
                "--key", "again");
        assertEquals(5, busy.exitCode(), busy.all());
        assertTrue(busy.err().contains("is being promoted by " + crashed), busy.err());

        ok(airlock("alice", "abort", crashed, "--reason", "promoter host lost"));
        ok(airlock("alice", "promote", "--digest", digest, "--to", "test", "--key", "again"));
    }

    @Test
    void aTamperedLedger_failsVerificationWithExitOne() throws IOException {
        registerAndWalkToStaging();
        Path ledger = state.resolve("ledger.jsonl");
        Files.writeString(ledger, Files.readString(ledger).replaceFirst("\"principal\":\"alice\"", "\"principal\":\"bob\""));

        AirlockScript.Result result = airlock("alice", "verify-ledger");

        assertEquals(1, result.exitCode(), result.all());
        assertTrue(result.out().contains("LEDGER TAMPERED: entry "), result.out());
        assertFalse(result.all().contains("Exception"), result.all());
    }
}
