package dev.airlock.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.artifact.ArtifactKind;
import dev.airlock.artifact.Digest;
import dev.airlock.artifact.Provenance;
import dev.airlock.attestation.InMemoryKeys;
import dev.airlock.aws.internal.ProbeCache;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/**
 * The engine on the in-memory AWS asks the S3 store whether a target is immutable (an inspector role chain
 * and GetObjectLockConfiguration) only when an {@code immutable-repository} statement applies to it, and
 * then once per place while the answer is fresh.
 */
class ImmutabilityProbeOnFakesTest {
    /** Every principal's and builder's signing key, made on first use. */
    private static final InMemoryKeys KEYS = new InMemoryKeys();

    private static final Principal ALICE = Principal.of("alice", "developers");
    private static final PolicyDocument BASE = PolicyDocument.of("base", "1", Attachment.organization(),
            Statement.of("developers", new Rule.Permission(List.of(), List.of("developers"))),
            // Straight into any stage, so each test promotes only where it probes.
            Statement.of("any-stage", new Rule.NoSkipping(false)));
    private static final PolicyDocument IMMUTABLE = PolicyDocument.of("immutable", "1", Attachment.organization(),
            Statement.of("immutable-targets", new Rule.ImmutableRepository()));

    private final FakeAws aws = new FakeAws().withStorage();
    private final ManualClock clock = ManualClock.at(Instant.now());
    private final AwsBackend backend = aws.backend(aws.configuration().environment("prod",
            EnvironmentConfiguration.builder().bucket("airlock-prod").externalId(AwsTarget.PROD_EXTERNAL_ID)
                    .objectLock(ObjectLockRetention.governance(Duration.ofDays(7))).build()).build(), clock);

    @AfterEach
    void close() {
        aws.close();
    }

    private PromotionEngine engine(PolicyDocument... policies) {
        return PromotionEngine.builder().keyring(KEYS).signers(KEYS).landscape(aws.landscape)
                .guardrails(Guardrails.of(aws.landscape, List.of(policies), Map.of("developers", List.of("alice"))))
                .backend(backend).clock(clock).build();
    }

    @Test
    void promote_withoutAnImmutableRepositoryStatement_opensNoInspectorSessionAndReadsNoLockConfiguration() {
        PromotionEngine engine = engine(BASE);
        Digest first = register(engine, "1.0.0");
        Digest second = register(engine, "1.0.1");
        aws.recorder().clear();

        assertEquals(Status.PROMOTED, engine.promote(PromotionCommand.builder(first, "prod", ALICE).build()).status());
        assertEquals(Status.PROMOTED, engine.promote(PromotionCommand.builder(second, "dev", ALICE).build()).status());

        assertEquals(List.of(), inspectorSessions());
        assertEquals(0, aws.recorder().count("GetObjectLockConfiguration"));
    }

    @Test
    void promote_withTheStatement_probesOncePerPlaceWhileTheAnswerIsFresh() {
        PromotionEngine engine = engine(BASE, IMMUTABLE);
        List<Digest> digests = List.of(register(engine, "1.0.0"), register(engine, "1.0.1"), register(engine, "1.0.2"));
        aws.recorder().clear();

        for (Digest digest : digests.subList(0, 2)) {
            assertEquals(Status.PROMOTED, engine.promote(PromotionCommand.builder(digest, "prod", ALICE).build())
                    .status());
        }
        assertEquals(1, aws.recorder().count("GetObjectLockConfiguration"));
        assertEquals(List.of("arn:aws:iam::111111111111:role/airlock-hub", FakeAws.deployRole(AwsTarget.PROD)),
                inspectorSessions(), "one inspector chain: hub, then prod's deploy role");
        clock.advance(ProbeCache.LIFETIME);
        engine.promote(PromotionCommand.builder(digests.get(2), "prod", ALICE).build());

        assertEquals(2, aws.recorder().count("GetObjectLockConfiguration"), "asked again once the answer is stale");
    }

    @Test
    void promote_withTheStatement_stillDeniesAMutableTarget() {
        PromotionEngine engine = engine(BASE, IMMUTABLE);
        Digest digest = register(engine, "1.0.0");

        var denied = engine.promote(PromotionCommand.builder(digest, "dev", ALICE).build());

        assertEquals(Status.DENIED, denied.status());
        assertTrue(denied.decision().explain().contains("immutable-targets"), denied.decision()::explain);
    }

    /** The roles assumed for the inspector principal, in order. */
    private List<String> inspectorSessions() {
        List<String> roles = new ArrayList<>();
        aws.recorder().of("AssumeRole").stream().map(sent -> sent.as(AssumeRoleRequest.class))
                .filter(request -> "airlock-inspector".equals(request.sourceIdentity()))
                .forEach(request -> roles.add(request.roleArn()));
        return roles;
    }

    private Digest register(PromotionEngine engine, String version) {
        return engine.register(new ArtifactRegistration("payments-api", version, ArtifactKind.FILE,
                "application/java-archive", new Provenance("github.com/acme/payments", "9f1c2e7", "build-" + version,
                        "ci@tooling", clock.instant())),
                new ByteArrayInputStream(("payments-api " + version).getBytes(StandardCharsets.UTF_8)), ALICE).digest();
    }
}
