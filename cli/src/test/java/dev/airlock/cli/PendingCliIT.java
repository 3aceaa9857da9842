package dev.airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What waits, and why, through the real ./airlock: {@code pending}, and the headline of a PENDING answer. */
class PendingCliIT {
    @TempDir
    Path dir;

    Path config;
    String digest;

    @BeforeEach
    void walkToStaging() throws IOException {
        config = dir.resolve("airlock.yaml");
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
    }

    private AirlockScript.Result airlock(String as, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config", config.toString(), "--state", dir.resolve("state").toString(), "--as", as));
        return AirlockScript.run(all.toArray(String[]::new));
    }

    private static AirlockScript.Result ok(AirlockScript.Result result) {
        assertEquals(0, result.exitCode(), result.all());
        return result;
    }

    @Test
    void aPendingPromotion_startsWithWhatItWaitsFor_andShowsOnlyWhatStopsIt() {
        AirlockScript.Result pending = airlock("rita", "promote", "--digest", digest, "--to", "prod-eu",
                "--attr", "change=CHG-2041");

        assertEquals(ExitCodes.PENDING, pending.exitCode(), pending.all());
        String first = pending.out().lines().findFirst().orElseThrow();
        assertTrue(first.startsWith("PENDING: waiting for: soak "), first);
        assertTrue(first.endsWith("in staging, 2 approvals from release-managers (rae and rob may approve)"), first);
        assertFalse(pending.out().contains("stop-switch"), "passing statements are left to plan: " + pending.out());
        assertTrue(pending.out().contains("other statements pass"), pending.out());
    }

    @Test
    void pending_listsWhatWaitsPerEnvironment_withWhoMayStillApprove() throws IOException {
        assertEquals("nothing is pending", ok(airlock("alice", "pending")).out().strip());
        airlock("rita", "promote", "--digest", digest, "--to", "prod-eu", "--attr", "change=CHG-2041");
        ok(airlock("rob", "approve", "--digest", digest, "--env", "prod-eu"));

        AirlockScript.Result text = ok(airlock("alice", "pending"));
        AirlockScript.Result json = ok(airlock("alice", "pending", "--env", "prod-eu", "-o", "json"));

        assertTrue(text.out().startsWith("prod-eu    payments-api:1.4.2 "), text.out());
        assertTrue(text.out().contains("asked by rita"), text.out());
        assertTrue(text.out().contains("  waiting for: soak "), text.out());
        assertTrue(text.out().contains("1 approval from release-managers (rae may approve)"), text.out());
        assertFalse(text.out().contains("change-ticket"), "judged with the request's own attributes: " + text.out());
        JsonNode item = new ObjectMapper().readTree(json.out()).get(0);
        assertEquals("prod-eu", item.get("environment").asText());
        assertEquals(digest, item.get("digest").asText());
        assertEquals("PENDING", item.get("decision").get("outcome").asText());
        assertEquals(2, item.get("decision").get("waitingFor").size(), json.out());
    }

    @Test
    void pending_forAnUnknownEnvironment_isBadInput() {
        AirlockScript.Result unknown = airlock("alice", "pending", "--env", "nowhere");

        assertEquals(ExitCodes.BAD_INPUT, unknown.exitCode(), unknown.all());
        assertTrue(unknown.err().contains("nowhere"), unknown.err());
    }
}
