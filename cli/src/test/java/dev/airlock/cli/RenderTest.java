package dev.airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.airlock.artifact.Artifact;
import dev.airlock.artifact.ArtifactKind;
import dev.airlock.artifact.Digest;
import dev.airlock.artifact.Provenance;
import dev.airlock.config.AirlockConfiguration;
import dev.airlock.environment.Landscape;
import dev.airlock.guardrail.Decision;
import dev.airlock.guardrail.GuardrailState;
import dev.airlock.guardrail.Outcome;
import dev.airlock.guardrail.Principal;
import dev.airlock.guardrail.PromotionRequest;
import dev.airlock.guardrail.StatementResult.Verdict;
import dev.airlock.guardrail.StatementResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON shape of a decision, as every command with {@code --output json} prints it. */
class RenderTest {
    private static final Digest DIGEST = Digest.of("payments-api 1.4.2".getBytes(StandardCharsets.UTF_8));

    @Test
    void decision_hasAStableShape() {
        AirlockConfiguration configuration = AirlockConfiguration.load(AirlockScript.ROOT.resolve("examples/config/airlock.yaml"));
        Landscape landscape = configuration.landscape();
        Artifact artifact = new Artifact("payments-api", "1.4.2", ArtifactKind.FILE, DIGEST, 18, "application/java-archive",
                new Provenance("github.com/acme/payments", "9f1c2e7", "build-1", "ci@tooling", Instant.parse("2026-03-03T08:00:00Z")));
        Decision decision = configuration.guardrails().decide(PromotionRequest.of(artifact, landscape.require("dev"),
                landscape.require("prod-eu"), Principal.of("alice", "developers")), GuardrailState.EMPTY,
                Instant.parse("2026-03-03T09:00:00Z"));

        Map<String, Object> json = Render.decision(decision);

        assertEquals(List.of("headline", "outcome", "breakGlass", "artifact", "digest", "source", "target", "principal", "rollback",
                "at", "policyVersion", "results"), List.copyOf(json.keySet()));
        assertEquals("DENIED", json.get("outcome"));
        assertEquals(DIGEST.value(), json.get("digest"));
        assertEquals("2026-03-03T09:00:00Z", json.get("at"));
        assertEquals(decision.results().size(), ((List<?>) json.get("results")).size());
    }

    @Test
    void decisionWithoutARequest_leavesItOut() {
        Decision decision = new Decision(Outcome.PENDING, false,
                List.of(new StatementResult("soak", "tier:production", Verdict.UNMET, "soak 1h of 24h in staging")));

        assertEquals("{\n  \"headline\" : \"PENDING: waiting for: soak (soak 1h of 24h in staging)\",\n"
                + "  \"waitingFor\" : [ \"soak (soak 1h of 24h in staging)\" ],\n  \"outcome\" : \"PENDING\",\n  \"breakGlass\" : false,\n  \"results\" : [ {\n"
                + "    \"statement\" : \"soak\",\n    \"level\" : \"tier:production\",\n    \"verdict\" : \"UNMET\",\n"
                + "    \"reason\" : \"soak 1h of 24h in staging\"\n  } ]\n}", Json.write(Render.decision(decision)));
    }
}
