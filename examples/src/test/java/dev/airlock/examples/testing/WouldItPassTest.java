package dev.airlock.examples.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.artifact.Artifact;
import dev.airlock.artifact.ArtifactKind;
import dev.airlock.artifact.Digest;
import dev.airlock.artifact.Provenance;
import dev.airlock.config.AirlockConfiguration;
import dev.airlock.environment.Landscape;
import dev.airlock.guardrail.Approval;
import dev.airlock.guardrail.Decision;
import dev.airlock.guardrail.GuardrailState;
import dev.airlock.guardrail.Outcome;
import dev.airlock.guardrail.Principal;
import dev.airlock.guardrail.PromotionRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The README's "would it pass at T?" with the pure decision function, on the sample configuration, as written there. */
class WouldItPassTest {
    @Test
    void theReadmesRequestAndState_arePendingForOneMoreApproval() {
        AirlockConfiguration configuration = AirlockConfiguration.load(Path.of("config", "airlock.yaml"));
        Digest digest = Digest.of("payments-api 1.4.2".getBytes(StandardCharsets.UTF_8));
        Artifact artifact = new Artifact("payments-api", "1.4.2", ArtifactKind.FILE, digest, 18, "application/java-archive",
                new Provenance("github.com/acme/payments", "9f1c2e7", "build-88", "ci@tooling",
                        Instant.parse("2026-03-05T12:00:00Z")));
        Principal rita = configuration.principal("rita");

        Landscape landscape = configuration.landscape();
        PromotionRequest request = PromotionRequest.builder(artifact, landscape.require("prod-eu"), rita)
                .from(landscape.require("staging"))
                .attribute("change", "CHG-2041")
                .build();
        GuardrailState state = GuardrailState.builder()
                .verified("staging", Instant.parse("2026-03-06T09:00:00Z"))
                .approval(new Approval(configuration.principal("rob"), digest, "prod-eu",
                        configuration.guardrails().approvalPolicyVersion("prod-eu"), Instant.parse("2026-03-08T17:00:00Z")))
                .build();
        Decision decision = configuration.guardrails().decide(request, state, Instant.parse("2026-03-09T08:00:00Z"));

        assertEquals(Outcome.PENDING, decision.outcome(), decision.explain());
        assertTrue(decision.summary().contains("1 more approval from group release-managers"), decision.summary());
    }
}
