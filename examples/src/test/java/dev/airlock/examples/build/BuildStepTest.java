package dev.airlock.examples.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.artifact.Artifact;
import dev.airlock.artifact.Digest;
import dev.airlock.attestation.KeyAlgorithm;
import dev.airlock.config.AirlockConfiguration;
import dev.airlock.config.KeyringWriter;
import dev.airlock.local.LocalBackend;
import dev.airlock.promotion.PromotionEngine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build step on the local backend, as a CI job would run it: real files, the real engine. */
class BuildStepTest {
    private static final String CONFIG = """
            version: 1
            accounts: {tooling: "111111111111", security: "999999999999"}
            environments:
              - {name: dev, account: "222222222222", regions: [eu-central-1], tier: development,
                 deployRole: "arn:aws:iam::222222222222:role/deploy"}
              - {name: prod, account: "333333333333", regions: [eu-central-1], tier: production,
                 deployRole: "arn:aws:iam::333333333333:role/deploy"}
            pipeline: {entry: [dev], promotions: [{from: dev, to: prod}]}
            policies:
              - id: organization
                version: 1
                attach: organization
                statements:
                  - {id: ci-promotes, kind: permission, principals: ["%s"]}
                  - {id: trusted-builds, kind: provenance, builders: ["octocat@ci"], repositories: ["github.com/acme/*"]}
            signing: {keyring: keys/keyring.yaml}
            """;
    private static final Map<String, String> GITHUB = Map.of("GITHUB_ACTOR", "octocat",
            "GITHUB_REPOSITORY", "acme/payments", "GITHUB_SHA", "9f1c2e7", "GITHUB_RUN_ID", "4711");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-03T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> ci, String principal) throws IOException {
        Path config = Files.writeString(dir.resolve("airlock.yaml"), CONFIG.formatted(principal));
        if (!Files.exists(dir.resolve("keys"))) { // the CI runner's key, as `airlock keys create` makes it
            KeyringWriter.createLocalKeys(AirlockConfiguration.load(config), KeyAlgorithm.ED25519);
        }
        Path jar = Files.writeString(dir.resolve("payments.jar"), "payments 1.4.2");
        return new BuildStep(ci, CLOCK).run(List.of(config.toString(), jar.toString(), "payments", "1.4.2"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Optional<Digest> devRuns() {
        AirlockConfiguration configuration = AirlockConfiguration.load(dir.resolve("airlock.yaml"));
        LocalBackend local = LocalBackend.open(dir.resolve(".airlock"), configuration.landscape(), CLOCK);
        PromotionEngine engine = PromotionEngine.builder().landscape(configuration.landscape())
                .guardrails(configuration.guardrails()).backend(local).signing(configuration.signing(), local)
                .clock(CLOCK).build();
        assertTrue(engine.verifyLedger().ok());
        return engine.status().stream().filter(s -> s.environment().name().equals("dev")).findFirst()
                .flatMap(s -> Optional.ofNullable(s.current())).map(Artifact::digest);
    }

    @Test
    void run_registersWithTheCiProvenance_andPromotesIntoTheEntryStage() throws IOException {
        int exit = run(GITHUB, "octocat@ci");

        assertEquals(0, exit, err::toString);
        Digest printed = Digest.parse(out.toString(StandardCharsets.UTF_8).strip());
        assertEquals(Optional.of(printed), devRuns());
    }

    @Test
    void run_twice_promotesOnce() throws IOException {
        run(GITHUB, "octocat@ci");
        int again = run(GITHUB, "octocat@ci");

        assertEquals(0, again, err::toString);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("dev: ALREADY_PROMOTED"), err::toString);
    }

    @Test
    void run_outsideTheTrustedCi_isDeniedWithItsReasons() throws IOException {
        int exit = run(Map.of("GITHUB_ACTOR", "mallory", "GITHUB_REPOSITORY", "acme/payments"), "mallory@ci");

        assertEquals(3, exit);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("trusted-builds"), err::toString);
        assertEquals(Optional.empty(), devRuns());
    }
}
