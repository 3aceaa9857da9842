package dev.airlock.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/**
 * The engine on the in-memory AWS, which evaluates session policies: with the default configuration
 * every promotion session is narrowed to the promoted digest, and inspector sessions may only read.
 */
class LeastPrivilegeOnFakesTest {
    /** Every principal's and builder's signing key, made on first use. */
    private static final InMemoryKeys KEYS = new InMemoryKeys();

    private static final Principal ALICE = Principal.of("alice", "developers");
    private static final PolicyDocument BASE = PolicyDocument.of("base", "1", Attachment.organization(),
            Statement.of("developers", new Rule.Permission(List.of(), List.of("developers"))),
            Statement.of("any-stage", new Rule.NoSkipping(false)));
    private static final PolicyDocument IMMUTABLE = PolicyDocument.of("immutable", "1", Attachment.organization(),
            Statement.of("immutable-targets", new Rule.ImmutableRepository()));

    private final FakeAws aws = new FakeAws().withStorage();
    private final ManualClock clock = ManualClock.at(Instant.now());

    @AfterEach
    void close() {
        aws.close();
    }

    @Test
    void promote_byDefault_sendsADeploySessionPolicyNamingOnlyThePromotedDigest() {
        PromotionEngine engine = engine(aws.configuration().build(), BASE);
        Digest promoted = register(engine, "1.0.0");
        Digest other = register(engine, "1.0.1");
        aws.recorder().clear();

        assertEquals(Status.PROMOTED, engine.promote(PromotionCommand.builder(promoted, "prod", ALICE).build())
                .status());

        String policy = deployPolicies("alice").get(0);
        assertTrue(policy.contains("\"arn:aws:s3:::airlock-prod/airlock/artifacts/sha256/" + promoted.hex() + "\""),
                policy);
        assertFalse(policy.contains(other.hex()), "not another digest: " + policy);
        assertFalse(policy.contains("sha256/*"), "not the whole prefix: " + policy);
    }

    @Test
    void promote_withTheImmutabilityStatement_inspectsWithAReadOnlySession() {
        PromotionEngine engine = engine(aws.configuration().environment("prod", EnvironmentConfiguration.builder()
                .bucket("airlock-prod").externalId(AwsTarget.PROD_EXTERNAL_ID)
                .objectLock(ObjectLockRetention.governance(Duration.ofDays(7))).build()).build(), BASE, IMMUTABLE);
        Digest promoted = register(engine, "1.0.0");
        aws.recorder().clear();

        assertEquals(Status.PROMOTED, engine.promote(PromotionCommand.builder(promoted, "prod", ALICE).build())
                .status());

        String inspection = deployPolicies("airlock-inspector").get(0);
        assertTrue(inspection.contains("s3:GetBucketObjectLockConfiguration"), inspection);
        assertFalse(inspection.contains("s3:PutObject") || inspection.contains("s3:GetObject\""), inspection);
    }

    @Test
    void promote_withSessionPolicyNone_sendsNoPolicyAndStillPromotes() {
        PromotionEngine engine = engine(aws.configuration()
                .roleChain(chain -> chain.sessionPolicy(SessionPolicy.none())).build(), BASE);
        Digest promoted = register(engine, "1.0.0");
        aws.recorder().clear();

        assertEquals(Status.PROMOTED, engine.promote(PromotionCommand.builder(promoted, "prod", ALICE).build())
                .status());

        assertNull(aws.recorder().of("AssumeRole").stream().map(sent -> sent.as(AssumeRoleRequest.class))
                .filter(request -> request.roleArn().equals(FakeAws.deployRole(AwsTarget.PROD)))
                .findFirst().orElseThrow().policy());
    }

    private PromotionEngine engine(AwsConfiguration configuration, PolicyDocument... policies) {
        return PromotionEngine.builder().keyring(KEYS).signers(KEYS).landscape(aws.landscape)
                .guardrails(Guardrails.of(aws.landscape, List.of(policies), Map.of("developers", List.of("alice"))))
                .backend(aws.backend(configuration, clock)).clock(clock).build();
    }

    /** The session policies sent into prod's deploy role for {@code sourceIdentity}, in order. */
    private List<String> deployPolicies(String sourceIdentity) {
        return aws.recorder().of("AssumeRole").stream().map(sent -> sent.as(AssumeRoleRequest.class))
                .filter(request -> request.roleArn().equals(FakeAws.deployRole(AwsTarget.PROD))
                        && sourceIdentity.equals(request.sourceIdentity()))
                .map(AssumeRoleRequest::policy).toList();
    }

    private Digest register(PromotionEngine engine, String version) {
        return engine.register(new ArtifactRegistration("payments-api", version, ArtifactKind.FILE,
                "application/java-archive", new Provenance("github.com/acme/payments", "9f1c2e7", "build-" + version,
                        "ci@tooling", clock.instant())),
                new ByteArrayInputStream(("payments-api " + version).getBytes(StandardCharsets.UTF_8)), ALICE).digest();
    }
}
