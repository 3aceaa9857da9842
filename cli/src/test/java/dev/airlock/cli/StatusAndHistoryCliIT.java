package dev.airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.ledger.EntryType;
import dev.airlock.ledger.LedgerChain;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.local.LocalFileLedger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code status} with a header, the promotion in flight and those that wait; {@code history} a line per entry. */
class StatusAndHistoryCliIT {
    @TempDir
    Path dir;

    Path config;
    Path state;
    String digest;

    @BeforeEach
    void prodEuWaits_andAPromoterDiedHoldingProdUs() throws IOException {
        config = dir.resolve("airlock.yaml");
        state = dir.resolve("state");
        Files.writeString(config, TimeFreeConfig.withSoak(
                Files.readString(AirlockScript.ROOT.resolve("examples/config/airlock.yaml"))));
        SampleKeys.create(config);
        Path jar = Files.writeString(dir.resolve("payments-api.jar"), "payments-api 1.4.2 bytes");
        digest = ok(airlock("ci@tooling", "register", jar.toString(), "--name", "payments-api", "--version", "1.4.2",
                "--source-repo", "github.com/acme/payments", "--revision", "9f1c2e7")).out().strip();
        for (String env : List.of("dev", "test", "staging")) {
            ok(airlock("alice", "promote", "--digest", digest, "--to", env));
            ok(airlock("deploy-bot", "verified", "--digest", digest, "--env", env));
        }
        assertEquals(ExitCodes.PENDING, airlock("rita", "promote", "--digest", digest, "--to", "prod-eu",
                "--attr", "change=CHG-2041").exitCode());
        diedHoldingTheLease("prod-us");
    }

    private AirlockScript.Result airlock(String as, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config", config.toString(), "--state", state.toString(), "--as", as));
        return AirlockScript.run(all.toArray(String[]::new));
    }

    private static AirlockScript.Result ok(AirlockScript.Result result) {
        assertEquals(0, result.exitCode(), result.all());
        return result;
    }

    @Test
    void status_hasAHeader_andShowsWhatIsInFlightAndWhatWaits() throws IOException {
        AirlockScript.Result text = ok(airlock("alice", "status"));
        JsonNode json = new ObjectMapper().readTree(ok(airlock("alice", "status", "-o", "json")).out());

        List<String> lines = text.out().lines().toList();
        assertTrue(lines.get(0).matches("ENVIRONMENT +TIER +ARTIFACT +DIGEST +VERIFIED SINCE"), lines.get(0));
        assertTrue(text.out().contains("pending: payments-api:1.4.2 " + digest.substring(0, 19) + " asked by rita"),
                text.out());
        assertTrue(text.out().contains("in flight: promotion died-mid-promotion holds the lease"), text.out());
        JsonNode prodEu = json.get("environments").get(3);
        assertEquals("prod-eu", prodEu.get("environment").asText());
        assertEquals("rita", prodEu.get("pending").get(0).get("principal").asText());
        assertEquals("died-mid-promotion", json.get("environments").get(4).get("leaseHolder").asText());
    }

    @Test
    void history_fitsATerminal_withDetailsOnDemand_andJsonComplete() throws IOException {
        AirlockScript.Result brief = ok(AirlockScript.run(Map.of("COLUMNS", "80"), "history", "prod-eu", "--config",
                config.toString(), "--state", state.toString()));
        AirlockScript.Result details = ok(airlock("alice", "history", "prod-eu", "--details"));
        JsonNode json = new ObjectMapper().readTree(ok(airlock("alice", "history", "prod-eu", "-o", "json")).out());

        brief.out().lines().forEach(line -> assertTrue(line.length() <= 80, line));
        assertTrue(brief.out().contains("DECIDED") && brief.out().contains("PENDING"), brief.out());
        assertFalse(brief.out().contains("authenticatedBy"), "evidence is a detail: " + brief.out());
        assertTrue(details.out().contains("      decidedBy=staging-soak: "), details.out());
        assertTrue(details.out().contains("      authenticatedBy=os-user"), details.out());
        assertEquals("os-user", json.get(0).get("details").get("authenticatedBy").asText());
        assertTrue(json.get(0).get("details").get("decidedBy").asText().contains("two-approvals"), json.toString());
    }

    /** What a promoter leaves when its process dies after taking the lease: the decision and the lease. */
    private void diedHoldingTheLease(String environment) {
        LocalFileLedger ledger = LocalFileLedger.open(state.resolve("ledger.jsonl"));
        LedgerEntry last = ledger.read(ledger.lastSequence()).get(0);
        Instant now = Instant.now();
        LedgerEntry decided = LedgerChain.next(last, new LedgerEntry.Draft(EntryType.DECIDED, "rita", environment,
                last.digest(), "died-mid-promotion", Map.of("idempotencyKey", "died", "outcome", "ALLOWED",
                        "source", "staging")), now);
        ledger.append(decided);
        ledger.append(LedgerChain.next(decided, new LedgerEntry.Draft(EntryType.LEASED, "rita", environment,
                last.digest(), "died-mid-promotion", Map.of("token", "1", "expiresAt", now.plusSeconds(900).toString())),
                now));
    }
}
