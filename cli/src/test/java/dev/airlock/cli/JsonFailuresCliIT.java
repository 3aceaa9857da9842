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

/** Under {@code -o json} every failure is one JSON document on stdout, with the exit code it always had. */
class JsonFailuresCliIT {
    @TempDir
    Path dir;

    Path config;
    Path state;

    @BeforeEach
    void setUp() throws IOException {
        config = Files.writeString(dir.resolve("airlock.yaml"), TimeFreeConfig.strip(
                Files.readString(AirlockScript.ROOT.resolve("examples/config/airlock.yaml"))));
        SampleKeys.create(config);
        state = dir.resolve("state");
    }

    private AirlockScript.Result airlock(String as, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config", config.toString(), "--state", state.toString(), "--as", as, "-o", "json"));
        return AirlockScript.run(all.toArray(String[]::new));
    }

    /** The failure document on stdout, checked against the exit code; stderr keeps the human message. */
    private static JsonNode failure(AirlockScript.Result result, int exitCode, String meaning) throws IOException {
        assertEquals(exitCode, result.exitCode(), result.all());
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertFalse(json.path("ok").asBoolean(true), result.out());
        assertEquals(exitCode, json.path("exitCode").asInt(), result.out());
        assertEquals(meaning, json.path("meaning").asText(), result.out());
        assertTrue(result.err().contains("airlock: " + json.path("message").asText()), result.all());
        return json;
    }

    @Test
    void anInvalidConfiguration_isBadInput_withEveryProblemsFileLineAndColumn() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.yaml"), String.join("\n",
                "version: 1",
                "accounts: {tooling: \"111111111111\", security: \"999999999999\"}",
                "environments:",
                "  - name: dev",
                "    account: \"1234\"",
                "    regions: [eu-central-1]",
                "    tier: development",
                "    deployRole: arn:aws:iam::222222222222:role/deploy",
                "    colour: blue",
                "pipeline: {promotions: []}",
                ""));

        JsonNode json = failure(AirlockScript.run("validate", broken.toString(), "-o", "json"), 2, "bad input");

        JsonNode account = json.path("problems").get(0);
        assertEquals(broken.toString(), account.path("file").asText(), json.toString());
        assertEquals(5, account.path("line").asInt(), json.toString());
        assertEquals(14, account.path("column").asInt(), json.toString());
        assertTrue(account.path("message").asText().startsWith("account: '1234' must be exactly 12 digits"),
                json.toString());
        assertTrue(json.path("problems").toString().contains("unknown key 'colour'"), json.toString());
    }

    @Test
    void aUsageError_isBadInput() throws IOException {
        JsonNode json = failure(AirlockScript.run("status", "--bogus", "--output=json"), 2, "bad input");

        assertEquals("Unknown option: '--bogus'", json.path("message").asText(), json.toString());
    }

    @Test
    void anUnknownEnvironment_isBadInput() throws IOException {
        JsonNode json = failure(airlock("alice", "rollback", "nowhere"), 2, "bad input");

        assertTrue(json.path("message").asText().contains("unknown environment 'nowhere'"), json.toString());
    }

    @Test
    void nothingToRollBack_isBadInput() throws IOException {
        JsonNode json = failure(airlock("alice", "rollback", "dev"), 2, "bad input");

        assertTrue(json.path("message").asText().contains("no earlier verified digest"), json.toString());
    }

    @Test
    void aLeaseHeld_isAConflict_andAnAbortByAnother_isDenied() throws IOException {
        Path jar = Files.writeString(dir.resolve("payments-api.jar"), "payments-api 1.4.2 bytes");
        String digest = new ObjectMapper().readTree(airlock("ci@tooling", "register", jar.toString(), "--name",
                "payments-api", "--version", "1.4.2", "--source-repo", "github.com/acme/payments", "--revision",
                "9f1c2e7").out()).path("digest").asText();
        String crashed = LocalDeadPromoter.diedHoldingTheLease(config, state, "dev");

        JsonNode busy = failure(airlock("alice", "promote", "--digest", digest, "--to", "dev"), 5, "conflict");
        assertTrue(busy.path("message").asText().contains("is being promoted by " + crashed), busy.toString());

        JsonNode denied = failure(airlock("rob", "abort", crashed, "--reason", "not mine"), 3, "denied");
        assertTrue(denied.path("message").asText().contains(crashed), denied.toString());
    }
}
