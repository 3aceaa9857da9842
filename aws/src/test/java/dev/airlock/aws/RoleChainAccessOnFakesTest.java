package dev.airlock.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.artifact.Digest;
import dev.airlock.spi.AccessContext;
import dev.airlock.spi.AccessDeniedException;
import dev.airlock.spi.Place;
import dev.airlock.testkit.aws.AwsCall;
import dev.airlock.testkit.aws.AwsService;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link RoleChainAccessTest} on the in-memory AWS, which checks what moto ignores: trust across accounts,
 * external ids, and that SourceIdentity reaches the calls made with the session (CloudTrail's view).
 */
class RoleChainAccessOnFakesTest extends RoleChainAccessTest {
    @Override
    AwsTarget target() {
        return new FakeAws();
    }

    private FakeAws fake() {
        return (FakeAws) aws;
    }

    @Test
    void narrowedSession_cannotTransferAnotherDigest_theInMemoryAwsRefusesIt() {
        AwsBackend backend = aws.backend(aws.configuration().build(), clock);
        S3ArtifactStore files = backend.s3Store();
        Digest promoted = files.upload(new ByteArrayInputStream(Images.blob(100, 1)), "application/octet-stream")
                .digest();
        Digest other = files.upload(new ByteArrayInputStream(Images.blob(100, 2)), "application/octet-stream")
                .digest();

        try (AwsAccessSession session = backend.environmentAccess().open(aws.env("prod"),
                new AccessContext("promo-1", "alice@example.com", promoted))) {
            files.transfer(promoted, Place.of(aws.env("prod")), session);

            AccessDeniedException e = assertThrows(AccessDeniedException.class,
                    () -> files.transfer(other, Place.of(aws.env("prod")), session));
            assertTrue(e.getMessage().contains("sha256/" + other.hex()), e.getMessage());
        }
        try (AwsAccessSession session = backend.environmentAccess().open(aws.env("prod"),
                new AccessContext("promo-2", "alice@example.com", other))) {
            assertFalse(files.contains(Place.of(aws.env("prod")), other, session),
                    "nothing written for the other digest");
        }
    }

    @Test
    void open_withoutHub_whenTheDeployRoleTrustsOnlyTheHub_isDenied() {
        RoleChainAccess access = aws.backend(aws.configuration().roleChain(chain -> chain.hubRole(null)).build(),
                clock).environmentAccess();

        AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> access.open(aws.env("staging"),
                ALICE));

        assertTrue(e.getMessage().contains("arn:aws:iam::111111111111:user/airlock-ci is not authorized to perform: "
                + "sts:AssumeRole on resource: arn:aws:iam::333333333333:role/airlock-deploy"), e.getMessage());
    }

    @Test
    void open_withTheWrongExternalId_isDenied() {
        RoleChainAccess access = aws.backend(aws.configuration().environment("prod", EnvironmentConfiguration.builder()
                .bucket("airlock-prod").externalId("not-prods-id").build()).build(), clock).environmentAccess();

        assertThrows(AccessDeniedException.class, () -> access.open(aws.env("prod"), ALICE));
    }

    @Test
    void callsMadeWithTheSession_carryTheSourceIdentityAndTheRoleSession() {
        AwsBackend backend = aws.backend(aws.configuration().build(), clock);
        fake().world.clearCalls();

        try (AwsAccessSession session = backend.environmentAccess().open(aws.env("prod"), ALICE)) {
            backend.s3Store().contains(Place.of(aws.env("prod")), dev.airlock.artifact.Digest.of(new byte[] {1}),
                    session);
        }

        List<AwsCall> heads = fake().world.calls(AwsService.S3, "HeadObject");
        assertEquals(1, heads.size());
        assertEquals("arn:aws:sts::444444444444:assumed-role/airlock-deploy/promo-1", heads.get(0).principalArn());
        assertEquals("alice@example.com", heads.get(0).sourceIdentity());
    }
}
