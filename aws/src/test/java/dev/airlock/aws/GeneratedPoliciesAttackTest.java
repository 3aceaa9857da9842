package dev.airlock.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.artifact.ArtifactKind;
import dev.airlock.artifact.Digest;
import dev.airlock.artifact.Provenance;
import dev.airlock.attestation.InMemoryKeys;
import dev.airlock.guardrail.Guardrails;
import dev.airlock.guardrail.Principal;
import dev.airlock.guardrail.policy.Attachment;
import dev.airlock.guardrail.policy.PolicyDocument;
import dev.airlock.guardrail.policy.Rule;
import dev.airlock.guardrail.policy.Statement;
import dev.airlock.promotion.ArtifactRegistration;
import dev.airlock.promotion.PromotionCommand;
import dev.airlock.promotion.PromotionEngine;
import dev.airlock.promotion.PromotionResult.Status;
import dev.airlock.testkit.ManualClock;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Tag;

/**
 * The generated documents installed on the in-memory AWS, attacked by the roads around Airlock the issue
 * lists: each is refused by the statement that names the rule, and Airlock's own promotion through the same
 * accounts still succeeds.
 */
class GeneratedPoliciesAttackTest {
    /** Every principal's and builder's signing key, made on first use. */
    private static final InMemoryKeys KEYS = new InMemoryKeys();

    private static final Principal ALICE = Principal.of("ci@tooling", "developers");
    private static final String PROD_DEPLOY = FakeAws.deployRole(AwsTarget.PROD);

    private final ManualClock clock = ManualClock.at(Instant.now());
    private final GeneratedAws aws = new GeneratedAws(clock);

    @AfterEach
    void close() {
        aws.close();
    }

    @Test
    void airlocksOwnPromotion_throughTheSameAccounts_succeeds() {
        PromotionEngine engine = engine();
        Digest digest = register(engine, "1.0.0");

        for (String environment : List.of("dev", "staging", "prod")) {
            assertEquals(Status.PROMOTED, engine.promote(PromotionCommand.builder(digest, environment, ALICE).build())
                    .status(), environment);
        }
    }

    @Test
    void aDeveloperRole_writingIntoTheProdBucket_isDeniedByTheBucketPolicy() {
        assertDenied("DenyWritesWithoutSourceIdentity", () -> put(aws.person(GeneratedAws.DEVELOPER), "airlock-prod",
                "airlock/artifacts/sha256/" + "a".repeat(64), "*"));
    }

    @Test
    void aProdAdmin_withoutSourceIdentity_cannotWriteArtifacts_norAssumeTheDeployRole() {
        AwsCredentialsProvider admin = aws.person(GeneratedAws.PROD_ADMIN);

        assertDenied("airlock-prod, statement DenyArtifactWritesWithoutSourceIdentity",
                () -> put(admin, "airlock-prod", "airlock/artifacts/sha256/" + "b".repeat(64), "*"));
        assertDenied("DenyWithoutSourceIdentity", () -> assume(admin, PROD_DEPLOY, null, AwsTarget.PROD_EXTERNAL_ID,
                "prod"));
        // Claiming Airlock's source identity does not make the admin the hub: the trust's only Allow names the hub.
        assertDenied("no statement of the role's trust policy allows it", () -> assume(admin, PROD_DEPLOY,
                "ci@tooling", AwsTarget.PROD_EXTERNAL_ID, "prod"));
    }

    @Test
    void stagingsDeployRole_writingIntoProd_isDeniedByProdsBucketPolicy() {
        AwsCredentialsProvider staging = assume(hub(), FakeAws.deployRole(AwsTarget.STAGING), "ci@tooling", null,
                "staging");

        assertDenied("(statement DenyWritesByOthers)", () -> put(staging, "airlock-prod",
                "airlock/artifacts/sha256/" + "c".repeat(64), "*"));
    }

    @Test
    void deletingOrOverwritingALedgerEntry_isDenied_evenForTheLedgerWriterAndTheSecurityAdmin() {
        register(engine(), "1.0.0");
        String entry;
        try (S3Client security = aws.aws.s3(AwsTarget.SECURITY)) {
            entry = security.listObjectsV2(r -> r.bucket(AwsTarget.LEDGER_BUCKET).prefix("airlock/ledger/entries/"))
                    .contents().get(0).key();
        }
        AwsCredentialsProvider writer = aws.world.credentials(FakeAws.CI_USER);

        assertDenied("airlock-tooling, statement DenyLedgerRewrites", () -> delete(writer, entry));
        assertDenied("airlock-tooling, statement DenyLedgerOverwrites", () -> put(writer, AwsTarget.LEDGER_BUCKET,
                entry, null));
        assertDenied("airlock-security, statement DenyLedgerRewrites",
                () -> delete(aws.person(GeneratedAws.SECURITY_ADMIN), entry));
    }

    @Test
    void makingTagsMutable_orPushingIntoTheOriginFromElsewhere_isDenied() {
        assertDenied("airlock-tooling, statement DenyTagMutabilityChanges", () -> {
            try (var ecr = aws.ecr(aws.person(GeneratedAws.TOOLING_ADMIN))) {
                ecr.putImageTagMutability(r -> r.repositoryName(AwsTarget.ORIGIN_REPOSITORY)
                        .imageTagMutability(ImageTagMutability.MUTABLE));
            }
        });
        assertDenied("(statement DenyPushByOthers)", () -> {
            try (var ecr = aws.ecr(aws.person(GeneratedAws.PROD_ADMIN))) {
                ecr.initiateLayerUpload(r -> r.registryId(AwsTarget.TOOLING.value())
                        .repositoryName(AwsTarget.ORIGIN_REPOSITORY));
            }
        });
    }

    @Test
    void assumingADeployRole_withoutItsExternalId_isDeniedByItsTrustPolicy() {
        assertDenied("role's trust policy (statement DenyWithoutExternalId)",
                () -> assume(hub(), PROD_DEPLOY, "ci@tooling", null, "prod"));
    }

    private static void assertDenied(String statement, Executable attack) {
        AwsServiceException e = assertThrows(AwsServiceException.class, attack);
        // S3 and STS answer 403 AccessDenied, ECR 400 AccessDeniedException.
        assertTrue(e.awsErrorDetails().errorCode().startsWith("AccessDenied"), e.getMessage());
        assertTrue(e.getMessage().contains(statement), "expected a denial naming " + statement + ": " + e.getMessage());
    }

    private AwsCredentialsProvider hub() {
        return assume(aws.world.credentials(FakeAws.CI_USER), AwsTarget.HUB.toString(), "ci@tooling", null, null);
    }

    private AwsCredentialsProvider assume(AwsCredentialsProvider from, String role, String sourceIdentity,
            String externalId, String environment) {
        try (StsClient sts = aws.world.sts(from)) {
            AssumeRoleResponse response = sts.assumeRole(r -> r.roleArn(role).roleSessionName("attempt")
                    .sourceIdentity(sourceIdentity).externalId(externalId)
                    .tags(environment == null ? List.of() : List.of(Tag.builder().key("airlock:environment")
                            .value(environment).build())));
            return StaticCredentialsProvider.create(AwsSessionCredentials.create(response.credentials().accessKeyId(),
                    response.credentials().secretAccessKey(), response.credentials().sessionToken()));
        }
    }

    private void put(AwsCredentialsProvider credentials, String bucket, String key, String ifNoneMatch) {
        try (S3Client s3 = aws.s3(credentials)) {
            s3.putObject(r -> r.bucket(bucket).key(key).ifNoneMatch(ifNoneMatch), RequestBody.fromString("forged"));
        }
    }

    private void delete(AwsCredentialsProvider credentials, String key) {
        try (S3Client s3 = aws.s3(credentials)) {
            s3.deleteObject(r -> r.bucket(AwsTarget.LEDGER_BUCKET).key(key));
        }
    }

    private PromotionEngine engine() {
        PolicyDocument base = PolicyDocument.of("base", "1", Attachment.organization(),
                Statement.of("developers", new Rule.Permission(List.of(), List.of("developers"))),
                Statement.of("any-stage", new Rule.NoSkipping(false)));
        return PromotionEngine.builder().keyring(KEYS).signers(KEYS).landscape(aws.aws.landscape)
                .guardrails(Guardrails.of(aws.aws.landscape, List.of(base), Map.of("developers", List.of("ci@tooling"))))
                .backend(aws.aws.backend(aws.configuration, clock)).clock(clock).build();
    }

    private Digest register(PromotionEngine engine, String version) {
        return engine.register(new ArtifactRegistration("payments-api", version, ArtifactKind.FILE,
                "application/java-archive", new Provenance("github.com/acme/payments", "9f1c2e7", "build-" + version,
                        "ci@tooling", clock.instant())),
                new ByteArrayInputStream(("payments-api " + version).getBytes(StandardCharsets.UTF_8)), ALICE).digest();
    }
}
