package dev.airlock.aws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.artifact.ArtifactKind;
import dev.airlock.artifact.Digest;
import dev.airlock.artifact.Provenance;
import dev.airlock.attestation.InMemoryKeys;
import dev.airlock.config.AirlockConfiguration;
import dev.airlock.environment.Region;
import dev.airlock.guardrail.Principal;
import dev.airlock.ledger.EntryType;
import dev.airlock.ledger.LedgerChain;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.ledger.LedgerEntryCodec;
import dev.airlock.promotion.ArtifactRegistration;
import dev.airlock.promotion.PromotionCommand;
import dev.airlock.promotion.PromotionEngine;
import dev.airlock.promotion.PromotionResult.Status;
import dev.airlock.promotion.PromotionResult;
import dev.airlock.testkit.ManualClock;
import dev.airlock.testkit.moto.MotoServer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The promotion engine on the aws backend over moto, configured from a configuration file's text:
 * dev → staging → prod with an approval, a denial that never touches prod, and a rollback.
 */
class PromotionEngineOnAwsTest {
    /** Every principal's and builder's signing key, made on first use. */
    private static final InMemoryKeys KEYS = new InMemoryKeys();

    private static final Region REGION = Region.of("eu-central-1");
    private static final String CONFIGURATION = """
            version: 1
            accounts: {tooling: "111111111111", security: "999999999999"}
            environments:
              - {name: dev, account: "222222222222", regions: [eu-central-1], tier: development,
                 deployRole: "arn:aws:iam::222222222222:role/airlock-deploy"}
              - {name: staging, account: "333333333333", regions: [eu-central-1], tier: staging,
                 deployRole: "arn:aws:iam::333333333333:role/airlock-deploy"}
              - {name: prod, account: "444444444444", regions: [eu-central-1], tier: production,
                 deployRole: "arn:aws:iam::444444444444:role/airlock-deploy"}
            pipeline:
              entry: [dev]
              promotions: [{from: dev, to: staging}, {from: staging, to: prod}]
            groups:
              developers: [alice]
              release-managers: [rita, rob]
            policies:
              - id: organization
                version: 1
                attach: organization
                statements:
                  - {id: engineers-promote, kind: permission, groups: [developers, release-managers]}
              - id: production
                version: 1
                attach: {tier: production}
                statements:
                  - {id: release-managers-only, kind: allowed-principals, groups: [release-managers]}
                  - {id: one-approval, kind: approvals, count: 1, from: [release-managers], expiresAfter: 24h}
                  - {id: staging-soak, kind: soak, duration: 1h, rollbacks: exclude}
            backend:
              type: aws
              aws:
                region: eu-central-1
                endpoint: %s
                pathStyle: true
                checksumsWhenRequired: true
                hubRole: arn:aws:iam::111111111111:role/airlock-hub
                sessionDuration: 15m
                originBucket: engine-origin
                ledgerBucket: engine-ledger
                environments:
                  dev: {bucket: engine-dev}
                  staging: {bucket: engine-staging}
                  prod: {bucket: engine-prod, externalId: prod-7f3a}
            """;

    private final MotoServer moto = MotoServer.shared();
    private final ManualClock clock = ManualClock.at("2026-03-03T09:00:00Z");
    private AwsClientFactory setup;
    private AirlockConfiguration configuration;
    private AwsBackend backend;
    private PromotionEngine engine;
    private final Principal ci = new Principal("ci@tooling", Set.of());
    private final Principal alice = new Principal("alice", Set.of("developers"));
    private final Principal rita = new Principal("rita", Set.of("release-managers"));
    private final Principal rob = new Principal("rob", Set.of("release-managers"));

    @BeforeEach
    void setUp() {
        moto.reset();
        setup = AwsClientFactory.builder().endpointOverride(moto.endpoint()).pathStyle(true)
                .checksumsWhenRequired(true).build();
        bucket("111111111111", "engine-origin");
        bucket("999999999999", "engine-ledger");
        bucket("222222222222", "engine-dev");
        bucket("333333333333", "engine-staging");
        bucket("444444444444", "engine-prod");
        configuration = AirlockConfiguration.parse("engine.yaml", CONFIGURATION.formatted(moto.endpoint()), false);
        backend = AwsBackendProvider.backend(configuration).baseCredentials(credentials("111111111111")).build();
        engine = PromotionEngine.builder().keyring(KEYS).signers(KEYS).landscape(configuration.landscape()).guardrails(configuration.guardrails())
                .backend(backend).clock(clock).build();
    }

    @AfterEach
    void close() {
        backend.close();
    }

    @Test
    void devStagingProd_withADenialAndAnApproval_leavesTheSameBytesInProd() {
        byte[] bytes = "payments-api 1.4.2".getBytes(StandardCharsets.UTF_8);
        Digest digest = register("1.4.2", bytes);
        for (String env : List.of("dev", "staging")) {
            assertEquals(Status.PROMOTED, engine.promote(PromotionCommand.builder(digest, env, alice).build()).status());
            engine.markVerified(digest, env, alice);
        }
        clock.advance(Duration.ofHours(2));

        PromotionResult denied = engine.promote(PromotionCommand.builder(digest, "prod", alice).build());
        assertEquals(Status.DENIED, denied.status());
        assertTrue(denied.decision().explain().contains("release-managers-only"), denied.decision()::explain);
        assertFalse(prodHas(digest), "a denied promotion copies nothing");
        assertEquals(Status.PENDING, engine.promote(PromotionCommand.builder(digest, "prod", rita).build()).status());
        engine.approve(digest, "prod", rob);
        PromotionResult promoted = engine.promote(PromotionCommand.builder(digest, "prod", rita).build());

        assertEquals(Status.PROMOTED, promoted.status());
        assertEquals(bytes.length, promoted.bytesCopied());
        assertArrayEquals(bytes, prodBytes(digest));
        assertEquals(List.of(digest, digest, digest),
                engine.status().stream().map(s -> s.current().digest()).toList());
        assertTrue(engine.verifyLedger().ok());
        assertTrue(engine.history("prod").stream().map(LedgerEntry::type).toList().contains(EntryType.PROMOTED));
    }

    @Test
    void rollback_returnsAnEnvironmentToItsPreviousVerifiedDigest() {
        Digest good = register("1.4.2", "good".getBytes(StandardCharsets.UTF_8));
        engine.promote(PromotionCommand.builder(good, "dev", alice).build());
        engine.markVerified(good, "dev", alice);
        Digest bad = register("1.4.3", "bad".getBytes(StandardCharsets.UTF_8));
        engine.promote(PromotionCommand.builder(bad, "dev", alice).build());

        PromotionResult rolledBack = engine.rollback("dev", alice, "rollback-dev-1");

        assertEquals(Status.PROMOTED, rolledBack.status());
        assertEquals(good, rolledBack.digest());
        assertEquals(bad, rolledBack.previous());
        assertEquals(good, engine.status().get(0).current().digest());
        assertTrue(engine.verifyLedger().ok());
    }

    /**
     * The attack from the ledger's side: an insider with write access to the ledger bucket puts an APPROVED
     * entry, correctly chained, with {@code If-None-Match: *} as Airlock does. The chain verifies; the
     * approval does not count, because rob never signed it.
     */
    @Test
    void anApprovalPutIntoTheS3LedgerByHand_withValidLinks_isNotCounted() {
        Digest digest = register("1.4.2", "payments-api 1.4.2".getBytes(StandardCharsets.UTF_8));
        for (String env : List.of("dev", "staging")) {
            engine.promote(PromotionCommand.builder(digest, env, alice).build());
            engine.markVerified(digest, env, alice);
        }
        clock.advance(Duration.ofHours(2));
        S3Ledger ledger = backend.ledger();
        LedgerEntry last = ledger.read(ledger.lastSequence()).get(0);
        LedgerEntry forged = LedgerChain.next(last, new LedgerEntry.Draft(EntryType.APPROVED, "rob", "prod", digest,
                null, Map.of("policyVersion", configuration.guardrails().approvalPolicyVersion("prod"),
                        "groups", "release-managers")), clock.instant());
        try (S3Client s3 = setup.s3(credentials("999999999999"), REGION)) {
            s3.putObject(r -> r.bucket("engine-ledger").key(ledger.key(forged.sequence())).ifNoneMatch("*"),
                    RequestBody.fromString(LedgerEntryCodec.toJson(forged)));
        }
        PromotionEngine fresh = PromotionEngine.builder().keyring(KEYS).signers(KEYS)
                .landscape(configuration.landscape()).guardrails(configuration.guardrails()).backend(backend)
                .clock(clock).build();

        PromotionResult result = fresh.promote(PromotionCommand.builder(digest, "prod", rita).build());

        assertEquals(Status.PENDING, result.status(), result.decision()::explain);
        assertTrue(result.decision().explain().contains("not counted: rob (not signed)"), result.decision()::explain);
        assertFalse(prodHas(digest));
        assertTrue(fresh.verifyLedger().ok(), "the forgery is in the chain; it just never counts");
    }

    private Digest register(String version, byte[] bytes) {
        return engine.register(new ArtifactRegistration("payments-api", version, ArtifactKind.FILE,
                "application/java-archive", new Provenance("github.com/acme/payments", "9f1c2e7", "build-7",
                        "ci@tooling", clock.instant())), new ByteArrayInputStream(bytes), ci).digest();
    }

    private boolean prodHas(Digest digest) {
        try (S3Client s3 = setup.s3(credentials("444444444444"), REGION)) {
            return s3.listObjectsV2(r -> r.bucket("engine-prod")).contents().stream()
                    .anyMatch(o -> o.key().endsWith(digest.hex()));
        }
    }

    private byte[] prodBytes(Digest digest) {
        try (S3Client s3 = setup.s3(credentials("444444444444"), REGION)) {
            return s3.getObjectAsBytes(r -> r.bucket("engine-prod").key("airlock/artifacts/sha256/" + digest.hex())
                    .expectedBucketOwner("444444444444")).asByteArray();
        }
    }

    private void bucket(String account, String name) {
        try (S3Client s3 = setup.s3(credentials(account), REGION)) {
            s3.createBucket(r -> r.bucket(name)
                    .createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.EU_CENTRAL_1)));
        }
    }

    /** Credentials acting in {@code account}: moto maps an assumed role's session to the role's account. */
    private AwsCredentialsProvider credentials(String account) {
        try (StsClient sts = setup.sts(StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "moto-ignores-this")), REGION)) {
            Credentials c = sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + account + ":role/engine-test")
                    .roleSessionName("engine-test").durationSeconds(3600)).credentials();
            return StaticCredentialsProvider.create(AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(),
                    c.sessionToken()));
        }
    }
}
