package dev.airlock.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.InvalidValueException;
import dev.airlock.artifact.ArtifactKind;
import dev.airlock.artifact.Digest;
import dev.airlock.artifact.Provenance;
import dev.airlock.config.AirlockConfiguration;
import dev.airlock.guardrail.GateAnswer;
import dev.airlock.guardrail.Principal;
import dev.airlock.local.LocalBackend;
import dev.airlock.promotion.ArtifactRegistration;
import dev.airlock.promotion.PromotionCommand;
import dev.airlock.promotion.PromotionEngine;
import dev.airlock.promotion.PromotionResult.Status;
import dev.airlock.promotion.PromotionResult;
import dev.airlock.spi.Gate;
import dev.airlock.spi.GateRequest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An engine built from a configuration file has everything the file decides, gates and gate timeout included,
 * however it is embedded (CLI, Maven plugin, a team's own tool): a gate cannot be left out by building the
 * engine another way.
 */
class EngineFromConfigurationTest {
    private static final String SECRET = "s3cr3t-gate-key";
    private final GateServer server = new GateServer(SECRET.getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path dir;

    EngineFromConfigurationTest() throws java.io.IOException {
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private AirlockConfiguration configuration(String gateTimeout) {
        return AirlockConfiguration.parse("airlock.yaml", """
                version: 1
                accounts: {tooling: "111111111111", security: "999999999999"}
                environments:
                  - {name: dev, account: "222222222222", tier: development, regions: [eu-central-1],
                     deployRole: "arn:aws:iam::222222222222:role/airlock-deploy"}
                pipeline: {entry: [dev], promotions: []}
                groups: {developers: [alice]}
                policies:
                  - id: org
                    version: 1
                    attach: {environment: dev}
                    statements:
                      - {id: developers-promote, kind: permission, groups: [developers]}
                      - {id: change-approved, kind: gate, effect: require, gate: change-check}
                gates:
                  change-check: {url: "%s", secretEnv: CHANGE_SECRET, timeout: 30s}
                gateTimeout: %s
                """.formatted(server.uri(), gateTimeout), false);
    }

    private PromotionResult promote(AirlockConfiguration configuration, Map<String, String> secrets) {
        try (LocalBackend backend = LocalBackend.open(dir, configuration.landscape(), Clock.systemUTC())) {
            PromotionEngine engine = PromotionEngine.builder().configuration(configuration, backend, secrets::get)
                    .build();
            Principal alice = Principal.of("alice");
            Digest digest = engine.register(new ArtifactRegistration("shop", "1.0.0", ArtifactKind.FILE,
                    "application/java-archive", new Provenance("github.com/acme/shop", "c0ffee", "build-1", "ci",
                            Instant.now().minusSeconds(60))),
                    new ByteArrayInputStream("shop 1.0.0".getBytes(StandardCharsets.UTF_8)), alice).digest();
            return engine.promote(PromotionCommand.builder(digest, "dev", alice).build());
        }
    }

    @Test
    void theConfiguredGate_isAsked_andItsApprovalCounts() {
        PromotionResult result = promote(configuration("10s"), Map.of("CHANGE_SECRET", SECRET));

        assertEquals(Status.PROMOTED, result.status(), result.decision().explain());
        assertEquals(1, server.requests.size());
    }

    @Test
    void theConfiguredGateTimeout_decides_howLongAGateIsWaitedFor() {
        server.behaviour = GateServer.Behaviour.APPROVE_AFTER_3S; // within its own 30 s timeout

        PromotionResult cutShort = promote(configuration("1s"), Map.of("CHANGE_SECRET", SECRET));
        PromotionResult waitedFor = promote(configuration("8s"), Map.of("CHANGE_SECRET", SECRET));

        assertEquals(Status.PENDING, cutShort.status());
        assertTrue(cutShort.decision().explain().contains("no answer in time"), cutShort.decision().explain());
        assertEquals(Status.PROMOTED, waitedFor.status(), waitedFor.decision().explain());
    }

    @Test
    void aSecondGateUnderAConfiguredGatesName_isRefused_notSwappedIn() {
        AirlockConfiguration configuration = configuration("10s");
        try (LocalBackend backend = LocalBackend.open(dir, configuration.landscape(), Clock.systemUTC())) {
            PromotionEngine.Builder builder = PromotionEngine.builder().configuration(configuration, backend, name -> null);
            Gate approvingEverything = new Gate() {
                @Override
                public String name() {
                    return "change-check";
                }

                @Override
                public GateAnswer ask(GateRequest request) {
                    return GateAnswer.approved("change-check", "sure");
                }
            };

            InvalidValueException refused = assertThrows(InvalidValueException.class,
                    () -> builder.gate(approvingEverything));

            assertEquals("gate: 'change-check' was added already; each gate name is answered by one gate",
                    refused.getMessage());
        }
    }

    @Test
    void aGateWhoseSecretIsNotSet_staysPending_namingTheVariable_neverApproves() {
        PromotionResult result = promote(configuration("10s"), Map.of());

        assertEquals(Status.PENDING, result.status());
        assertTrue(result.decision().explain().contains("environment variable CHANGE_SECRET (the gate's secret) is not set"),
                result.decision().explain());
        assertEquals(0, server.requests.size());
    }
}
