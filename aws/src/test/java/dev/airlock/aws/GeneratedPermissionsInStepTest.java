package dev.airlock.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Keeps the generated deploy-role permissions and the calls the aws module makes in step: every call a
 * deploy session made in a promotion is an action its generated policy lists, and every action the policy
 * lists is one some call of the stores needs. A new call, or a dropped one, fails here naming it.
 */
class GeneratedPermissionsInStepTest {
    /** Every principal's and builder's signing key, made on first use. */
    private static final InMemoryKeys KEYS = new InMemoryKeys();

    /** The IAM action each operation the stores call is authorized as. */
    static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("S3 GetObject", "s3:GetObject"), Map.entry("S3 HeadObject", "s3:GetObject"),
            Map.entry("S3 PutObject", "s3:PutObject"), Map.entry("S3 CopyObject", "s3:PutObject"),
            Map.entry("S3 CreateMultipartUpload", "s3:PutObject"), Map.entry("S3 UploadPartCopy", "s3:PutObject"),
            Map.entry("S3 UploadPart", "s3:PutObject"), Map.entry("S3 CompleteMultipartUpload", "s3:PutObject"),
            Map.entry("S3 DeleteObject", "s3:DeleteObject"), Map.entry("S3 PutObjectRetention", "s3:PutObjectRetention"),
            Map.entry("S3 ListObjectsV2", "s3:ListBucket"),
            Map.entry("S3 GetObjectLockConfiguration", "s3:GetBucketObjectLockConfiguration"),
            Map.entry("Ecr BatchGetImage", "ecr:BatchGetImage"),
            Map.entry("Ecr GetDownloadUrlForLayer", "ecr:GetDownloadUrlForLayer"),
            Map.entry("Ecr DescribeImages", "ecr:DescribeImages"),
            Map.entry("Ecr DescribeRepositories", "ecr:DescribeRepositories"),
            Map.entry("Ecr BatchCheckLayerAvailability", "ecr:BatchCheckLayerAvailability"),
            Map.entry("Ecr InitiateLayerUpload", "ecr:InitiateLayerUpload"),
            Map.entry("Ecr UploadLayerPart", "ecr:UploadLayerPart"),
            Map.entry("Ecr CompleteLayerUpload", "ecr:CompleteLayerUpload"), Map.entry("Ecr PutImage", "ecr:PutImage"));
    private static final Principal CI = Principal.of("ci@tooling", "developers");

    private final ManualClock clock = ManualClock.at(Instant.now());
    private final GeneratedAws aws = new GeneratedAws(clock);

    @AfterEach
    void close() {
        aws.close();
    }

    @Test
    void everyCallOfADeploySession_isAnActionOfItsGeneratedPolicy_andEveryActionIsOneACallNeeds() throws Exception {
        PromotionEngine engine = engine();
        Digest digest = engine.register(new ArtifactRegistration("payments-api", "1.0.0", ArtifactKind.FILE,
                "application/java-archive", new Provenance("github.com/acme/payments", "9f1c2e7", "b1", "ci@tooling",
                        clock.instant())), new ByteArrayInputStream("payments-api".getBytes(StandardCharsets.UTF_8)), CI)
                .digest();
        aws.world.clearCalls();

        assertEquals(Status.PROMOTED, engine.promote(PromotionCommand.builder(digest, "prod", CI).build()).status());

        Set<String> listed = IamActions.listed(aws.policies.document("prod", "deploy-role-permissions").orElseThrow()
                .document());
        Set<String> used = IamActions.used(aws.world.calls(), call -> call.succeeded() && call.principalArn()
                .startsWith("arn:aws:sts::444444444444:assumed-role/airlock-deploy/"), ACTIONS, "TargetPolicy");
        assertTrue(used.containsAll(List.of("s3:GetObject", "s3:PutObject")), "the promotion copied as prod: " + used);
        assertTrue(listed.containsAll(used), "used " + used + ", listed " + listed);
        Set<String> known = new HashSet<>(ACTIONS.values());
        for (String action : listed) {
            assertTrue(known.contains(action), action + " is listed but no call of the stores needs it");
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
}
