package dev.airlock.aws;

import java.util.List;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static dev.airlock.aws.AwsTarget.HUB;
import static dev.airlock.aws.AwsTarget.PROD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.InvalidValueException;
import dev.airlock.artifact.Digest;
import dev.airlock.spi.AccessContext;
import dev.airlock.spi.AccessDeniedException;
import dev.airlock.spi.BackendUnavailableException;
import dev.airlock.spi.Place;
import dev.airlock.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.Tag;

/** Role chaining on moto ({@link RoleChainAccessOnMotoTest}) and in memory ({@link RoleChainAccessOnFakesTest}). */
abstract class RoleChainAccessTest {
    static final AccessContext ALICE = new AccessContext("promo-1", "alice@example.com");

    final AwsTarget aws = target().withStorage();
    final ManualClock clock = ManualClock.at(Instant.now());

    abstract AwsTarget target();

    @AfterEach
    void close() {
        aws.close();
    }

    @Test
    void open_chainsThroughHubIntoDeployRole_andActsInTheEnvironmentAccount() {
        RoleChainAccess access = aws.backend(aws.configuration().build(), clock).environmentAccess();

        try (AwsAccessSession session = access.open(aws.env("prod"), ALICE);
                StsClient sts = aws.sts(session.credentials())) {
            GetCallerIdentityResponse identity = sts.getCallerIdentity();

            assertEquals(PROD.value(), identity.account());
            assertEquals("arn:aws:sts::444444444444:assumed-role/airlock-deploy/promo-1", identity.arn());
            assertEquals("promo-1", session.roleSessionName());
        }
    }

    @Test
    void open_sendsSourceIdentitySessionNameDurationTagsAndExternalId() {
        RoleChainAccess access = aws.backend(aws.configuration().roleChain(chain -> chain.hubExternalId("hub-ext-1"))
                .build(), clock)
                .environmentAccess();

        access.open(aws.env("prod"), ALICE).close();

        var assumed = aws.recorder().of("AssumeRole");
        assertEquals(2, assumed.size(), "one AssumeRole per hop");
        AssumeRoleRequest hub = assumed.get(0).as(AssumeRoleRequest.class);
        assertEquals(HUB.toString(), hub.roleArn());
        assertEquals("alice@example.com", hub.sourceIdentity());
        assertEquals("promo-1", hub.roleSessionName());
        assertEquals("hub-ext-1", hub.externalId());
        assertEquals(900, hub.durationSeconds());
        assertTrue(hub.tags().isEmpty(), "the hub hop carries no environment tags");

        AssumeRoleRequest deploy = assumed.get(1).as(AssumeRoleRequest.class);
        assertEquals("arn:aws:iam::444444444444:role/airlock-deploy", deploy.roleArn());
        assertEquals("alice@example.com", deploy.sourceIdentity());
        assertEquals("promo-1", deploy.roleSessionName());
        assertEquals("prod:ext/id=7", deploy.externalId());
        assertEquals(900, deploy.durationSeconds());
        assertEquals(Map.of("airlock:environment", "prod", "airlock:promotion", "promo-1",
                "airlock:principal", "alice@example.com"), tags(deploy), "the tags carry the authenticated principal");
        assertNotNull(deploy.policy(), "a session policy is sent by default");
    }

    @Test
    void open_makesPrincipalAndPromotionIdValidForSts() {
        RoleChainAccess access = aws.backend(aws.configuration().build(), clock).environmentAccess();

        access.open(aws.env("dev"), new AccessContext("release 2026/11 #4", "Alice Smith <alice@example.com>"))
                .close();

        AssumeRoleRequest deploy = aws.recorder().of("AssumeRole").get(1).as(AssumeRoleRequest.class);
        assertEquals("Alice-Smith--alice@example.com-", deploy.sourceIdentity());
        assertEquals("release-2026-11--4", deploy.roleSessionName());
        assertEquals("release-2026-11--4", tags(deploy).get("airlock:promotion"));
    }

    @Test
    void open_withNarrowedSessionPolicy_sendsItOnTheDeployHopOnly() {
        RoleChainAccess access = aws.backend(aws.configuration()
                .roleChain(chain -> chain.sessionPolicy(SessionPolicy.narrowedToTargets())).build(),
                clock).environmentAccess();

        access.open(aws.env("prod"), ALICE).close();

        var assumed = aws.recorder().of("AssumeRole");
        assertNull(assumed.get(0).as(AssumeRoleRequest.class).policy(), "the hub session is not narrowed");
        String policy = assumed.get(1).as(AssumeRoleRequest.class).policy();
        assertTrue(policy.contains("\"arn:aws:s3:::airlock-origin/airlock/artifacts/sha256/*\""), policy);
        assertTrue(policy.contains("\"arn:aws:s3:::airlock-prod/airlock/artifacts/sha256/*\""), policy);
        assertTrue(policy.contains("arn:aws:ecr:eu-central-1:111111111111:repository/payments/api"), policy);
        assertFalse(policy.contains("airlock-staging"), "only the target environment's resources");
        assertTrue(policy.length() <= RoleChainAccess.MAX_SESSION_POLICY, "fits the AWS limit: " + policy.length());
    }

    @Test
    void open_byDefault_sendsAPolicyNamingOnlyThePromotedDigestsKey() {
        RoleChainAccess access = aws.backend(aws.configuration().build(), clock).environmentAccess();
        Digest promoted = Digest.ofHex("ab".repeat(32));

        access.open(aws.env("prod"), new AccessContext("promo-1", "alice@example.com", promoted)).close();

        String policy = aws.recorder().of("AssumeRole").get(1).as(AssumeRoleRequest.class).policy();
        String key = "airlock/artifacts/sha256/" + promoted.hex();
        assertTrue(policy.contains("\"arn:aws:s3:::airlock-origin/" + key + "\""), policy);
        assertTrue(policy.contains("\"arn:aws:s3:::airlock-prod/" + key + "\""), policy);
        assertFalse(policy.contains("sha256/*"), "no other digest: " + policy);
        assertTrue(policy.contains("arn:aws:ecr:eu-central-1:111111111111:repository/payments/api"),
                "ECR narrows to repositories only: " + policy);
        assertTrue(policy.length() <= RoleChainAccess.MAX_SESSION_POLICY, "fits the AWS limit: " + policy.length());
    }

    @Test
    void open_ofTwoDigests_assumesTheDeployRoleOncePerDigest() {
        RoleChainAccess access = aws.backend(aws.configuration().build(), clock).environmentAccess();
        Digest one = Digest.ofHex("01".repeat(32));
        Digest two = Digest.ofHex("02".repeat(32));

        access.open(aws.env("prod"), new AccessContext("promo-1", "alice@example.com", one)).close();
        access.open(aws.env("prod"), new AccessContext("promo-2", "alice@example.com", one)).close();
        access.open(aws.env("prod"), new AccessContext("promo-3", "alice@example.com", two)).close();

        assertEquals(3, aws.recorder().of("AssumeRole").size(), "the hub once, the deploy role once per digest");
    }

    @Test
    void open_withSessionPolicyNone_sendsNoPolicy() {
        RoleChainAccess access = aws.backend(aws.configuration()
                .roleChain(chain -> chain.sessionPolicy(SessionPolicy.none())).build(), clock).environmentAccess();

        access.open(aws.env("prod"), new AccessContext("promo-1", "alice@example.com",
                Digest.ofHex("ab".repeat(32)))).close();

        assertNull(aws.recorder().of("AssumeRole").get(1).as(AssumeRoleRequest.class).policy());
    }

    @Test
    void inspect_byDefault_sendsAReadOnlyPolicy() {
        RoleChainAccess access = aws.backend(aws.configuration().build(), clock).environmentAccess();

        access.inspect(aws.env("prod"), new AccessContext("inspect-prod", "airlock-inspector")).close();

        String policy = aws.recorder().of("AssumeRole").get(1).as(AssumeRoleRequest.class).policy();
        assertTrue(policy.contains("s3:GetBucketObjectLockConfiguration"), policy);
        for (String write : List.of("s3:PutObject", "s3:GetObject", "s3:DeleteObject", "ecr:PutImage", "sha256")) {
            assertFalse(policy.contains(write), write + " in " + policy);
        }
    }

    @Test
    void open_whenSessionPolicyIsTooLong_failsBeforeAnyRequest() {
        String tooLong = "{\"Version\":\"2012-10-17\",\"Statement\":[" + "x".repeat(2048) + "]}";
        RoleChainAccess access = aws.backend(aws.configuration()
                .roleChain(chain -> chain.sessionPolicy(targets -> tooLong)).build(), clock)
                .environmentAccess();

        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> access.open(aws.env("prod"), ALICE));

        assertEquals("sessionPolicy", e.field());
        assertTrue(e.getMessage().contains("at most 2048 characters"), e.getMessage());
        assertTrue(aws.recorder().all().isEmpty(), "nothing was sent");
    }

    @Test
    void thousandTransfersIntoOneEnvironment_assumeEachRoleOncePerCredentialLifetime() {
        AwsBackend backend = aws.backend(aws.configuration().build(), clock);
        RoleChainAccess access = backend.environmentAccess();
        S3ArtifactStore store = backend.s3Store();
        Digest digest = Digest.of(new byte[] {1});
        Place prod = Place.of(aws.env("prod"));

        for (int i = 0; i < 1000; i++) {
            try (AwsAccessSession session = access.open(aws.env("prod"),
                    new AccessContext("promo-" + i, "alice@example.com"))) {
                assertFalse(store.contains(prod, digest, session));
            }
        }

        assertEquals(1000, aws.recorder().count("HeadObject"), "every promotion really called S3");
        assertEquals(2, aws.recorder().count("AssumeRole"), "hub and deploy role, once each");

        clock.advance(Duration.ofMinutes(14)); // past expiry minus refreshBefore (15 - 2 minutes)
        for (int i = 1000; i < 2000; i++) {
            access.open(aws.env("prod"), new AccessContext("promo-" + i, "alice@example.com")).close();
        }

        var assumed = aws.recorder().of("AssumeRole");
        assertEquals(4, assumed.size(), "refreshed once per hop after the lifetime");
        assertEquals("promo-1000", assumed.get(3).as(AssumeRoleRequest.class).roleSessionName(),
                "the refresh is named after the promotion that needed it");
    }

    @Test
    void open_forAnotherPrincipal_neverSharesTheRoleSession() {
        RoleChainAccess access = aws.backend(aws.configuration().build(), clock).environmentAccess();

        access.open(aws.env("prod"), ALICE).close();
        access.open(aws.env("prod"), new AccessContext("promo-2", "bob@example.com")).close();
        access.open(aws.env("prod"), new AccessContext("promo-3", "alice@example.com")).close();

        var deploys = aws.recorder().matching(s -> s.operation().equals("AssumeRole")
                && s.as(AssumeRoleRequest.class).roleArn().contains("444444444444"));
        assertEquals(2, deploys.size(), "SourceIdentity cannot change within a session: one per principal");
        assertEquals("bob@example.com", deploys.get(1).as(AssumeRoleRequest.class).sourceIdentity());
    }

    @Test
    void sessionScopePromotion_assumesOncePerPromotion() {
        RoleChainAccess access = aws.backend(aws.configuration()
                .roleChain(chain -> chain.sessionScope(SessionScope.PROMOTION)).build(), clock)
                .environmentAccess();

        for (int promotion = 0; promotion < 3; promotion++) {
            for (int step = 0; step < 5; step++) {
                access.open(aws.env("prod"), new AccessContext("promo-" + promotion, "alice@example.com")).close();
            }
        }

        assertEquals(6, aws.recorder().count("AssumeRole"), "hub and deploy role per promotion");
    }

    @Test
    void open_whenTrustPolicyRefuses_throwsAccessDeniedNamingTheChain_withoutRetrying() {
        RoleChainAccess access = aws.backend(aws.configuration().build(), clock).environmentAccess();
        aws.faults().fail("AssumeRole", r -> ((AssumeRoleRequest) r).roleArn().contains("444444444444"),
                FaultInjector.Fault.ACCESS_DENIED, 1);

        AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> access.open(aws.env("prod"), ALICE));

        assertTrue(e.getMessage().contains("environment prod"), e.getMessage());
        assertTrue(e.getMessage().contains(HUB + " -> arn:aws:iam::444444444444:role/airlock-deploy"), e.getMessage());
        assertTrue(e.getMessage().contains("AccessDenied"), e.getMessage());
        assertFalse(e.retryable());
        assertInstanceOf(AwsServiceException.class, rootCause(e));
        assertEquals(1, aws.recorder().matching(s -> s.operation().equals("AssumeRole")
                && s.as(AssumeRoleRequest.class).roleArn().contains("444444444444")).size(), "not retried");
    }

    @Test
    void open_whenThrottled_retriesWithBackoffAndSucceeds() {
        RoleChainAccess access = aws.backend(aws.configuration().build(), clock).environmentAccess();
        aws.faults().fail("AssumeRole", r -> ((AssumeRoleRequest) r).roleArn().contains("444444444444"),
                FaultInjector.Fault.THROTTLING, 2);

        access.open(aws.env("prod"), ALICE).close();

        assertEquals(3, aws.recorder().matching(s -> s.operation().equals("AssumeRole")
                && s.as(AssumeRoleRequest.class).roleArn().contains("444444444444")).size());
    }

    @Test
    void open_whenThrottledBeyondTheAttempts_throwsRetryableBackendUnavailable() {
        RoleChainAccess access = aws.backend(aws.configuration().build(), clock).environmentAccess();
        aws.faults().fail("AssumeRole", r -> ((AssumeRoleRequest) r).roleArn().contains("444444444444"),
                FaultInjector.Fault.THROTTLING, 3);

        BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                () -> access.open(aws.env("prod"), ALICE));

        assertTrue(e.retryable());
        assertTrue(e.getMessage().contains("Throttling") && e.getMessage().contains("after 3 attempts"),
                e.getMessage());
    }

    @Test
    void circuitBreaker_isolatesAFailingAccount() {
        RoleChainAccess access = aws.backend(aws.configuration().build(), clock).environmentAccess();
        aws.faults().fail("AssumeRole", r -> ((AssumeRoleRequest) r).roleArn().contains("444444444444"),
                FaultInjector.Fault.UNAVAILABLE, Integer.MAX_VALUE);

        for (int i = 0; i < 4; i++) {
            assertThrows(BackendUnavailableException.class, () -> access.open(aws.env("prod"), ALICE));
        }
        long attemptsWhileClosed = aws.recorder().count("AssumeRole");
        BackendUnavailableException open = assertThrows(BackendUnavailableException.class,
                () -> access.open(aws.env("prod"), ALICE));
        try (AwsAccessSession staging = access.open(aws.env("staging"), ALICE)) {
            assertEquals("staging", staging.environment().name());
        }

        assertTrue(open.getMessage().contains("circuit breaker is open"), open.getMessage());
        assertTrue(open.getMessage().contains("444444444444"), open.getMessage());
        assertEquals(attemptsWhileClosed + 1, aws.recorder().count("AssumeRole"),
                "prod was not called again; only staging's deploy role was assumed");

        aws.faults().clear();
        clock.advance(Duration.ofSeconds(31)); // the breaker lets probes through after openDuration
        access.open(aws.env("prod"), ALICE).close();
    }

    @Test
    void sessionsAndCredentials_neverShowSecrets() {
        RoleChainAccess access = aws.backend(aws.configuration().build(), clock).environmentAccess();

        try (AwsAccessSession session = access.open(aws.env("prod"), ALICE)) {
            String shown = session + " " + session.credentials() + " " + access;
            var credentials = session.credentials().resolveCredentials();
            assertFalse(shown.contains(credentials.secretAccessKey()), shown);
            assertFalse(credentials.toString().contains(credentials.secretAccessKey()), credentials.toString());
            assertTrue(shown.contains("promo-1"), shown);
        }
    }

    @Test
    void open_afterClose_isRefused() {
        AwsBackend backend = aws.backend(aws.configuration().build(), clock);
        backend.close();

        assertThrows(dev.airlock.AirlockException.class,
                () -> backend.environmentAccess().open(aws.env("prod"), ALICE));
    }

    static Map<String, String> tags(AssumeRoleRequest request) {
        return request.tags().stream().collect(Collectors.toMap(Tag::key, Tag::value));
    }

    private static Throwable rootCause(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
