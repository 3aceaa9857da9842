package dev.airlock.testkit.aws;

import static dev.airlock.testkit.aws.TestLandscape.PROD;
import static dev.airlock.testkit.aws.TestLandscape.REGION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.InvalidValueException;
import dev.airlock.testkit.aws.contract.Expect;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.ecr.model.ServerException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.model.ExpiredTokenException;

class FaultsTest {
    private final TestLandscape aws = new TestLandscape();
    private final S3Client s3 = aws.s3(aws.root(PROD));

    FaultsTest() {
        Buckets.create(s3, "prod-artifacts", REGION);
    }

    @Test
    void throttling_failsTheNextCallsWithEachServicesThrottlingError_thenRecovers() {
        aws.world.faults()
                .failNext(AwsService.S3, "PutObject", 2, AwsFault.throttling())
                .failNext(AwsService.STS, "AssumeRole", 1, AwsFault.throttling())
                .failNext(AwsService.ECR, "DescribeRepositories", 1, AwsFault.throttling());

        AwsServiceException first = Expect.awsError(503, "SlowDown", this::put);
        Expect.awsError(503, "SlowDown", this::put);
        put();
        AwsServiceException sts = Expect.awsError(400, "Throttling", () -> aws.hub());
        AwsServiceException ecr = Expect.awsError(400, "ThrottlingException",
                () -> aws.ecr(aws.ci()).describeRepositories());
        assertTrue(first.isThrottlingException() && sts.isThrottlingException() && ecr.isThrottlingException(),
                "the SDK classifies them as throttling, so SDK and Resilience4j retry policies see them as such");
    }

    @Test
    void internalErrors_useEachServicesCodeAndModeledType() {
        aws.world.faults()
                .failNext(AwsService.S3, "*", 1, AwsFault.internalError())
                .failNext(AwsService.STS, "*", 1, AwsFault.internalError())
                .failNext(AwsService.ECR, "*", 1, AwsFault.internalError());

        Expect.awsError(500, "InternalError", this::put);
        Expect.awsError(500, "InternalFailure", () -> aws.sts(aws.ci()).getCallerIdentity());
        assertThrows(ServerException.class, () -> aws.ecr(aws.ci()).describeRepositories());
    }

    @Test
    void serviceUnavailable_andCustomErrors_areAnsweredAsGiven() {
        aws.world.faults()
                .failNext(AwsService.S3, "GetObject", 1, AwsFault.serviceUnavailable())
                .failNext(AwsService.S3, "HeadObject", 1, AwsFault.error(409, "OperationAborted", "try again"));
        put();

        Expect.awsError(503, "ServiceUnavailable", () -> s3.getObjectAsBytes(g -> g.bucket("prod-artifacts").key("k")));
        AwsServiceException custom = Expect.awsError(409, "OperationAborted",
                () -> s3.headObject(h -> h.bucket("prod-artifacts").key("k")));
        assertEquals("try again", custom.awsErrorDetails().errorMessage());
    }

    @Test
    void expiredTokenFault_looksLikeAnExpiredSessionToTheCaller() {
        aws.world.faults()
                .failNext(AwsService.STS, "AssumeRole", 1, AwsFault.expiredToken())
                .failNext(AwsService.S3, "PutObject", 1, AwsFault.expiredToken());

        Expect.awsError(403, "ExpiredToken", () -> aws.hub());
        Expect.awsError(400, "ExpiredToken", this::put);
        aws.hub();
        put();
    }

    @Test
    void failAlways_holdsUntilCleared() {
        aws.world.faults().failAlways(AwsService.S3, "PutObject", AwsFault.internalError());

        Expect.awsError(500, "InternalError", this::put);
        Expect.awsError(500, "InternalError", this::put);
        aws.world.faults().clear();
        put();
    }

    @Test
    void faults_onOtherOperations_leaveACallAlone() {
        aws.world.faults().failNext(AwsService.S3, "GetObject", 1, AwsFault.internalError());

        put();
        Expect.awsError(500, "InternalError", () -> s3.getObjectAsBytes(g -> g.bucket("prod-artifacts").key("k")));
    }

    @Test
    void delay_sleepsBeforeServing_soAnInterruptedCallerIsAborted() {
        aws.world.faults().delayNext(AwsService.STS, "GetCallerIdentity", 1, Duration.ofSeconds(30));

        Thread.currentThread().interrupt();
        assertThrows(AbortedException.class, () -> aws.sts(aws.ci()).getCallerIdentity());
        assertTrue(Thread.interrupted(), "the interrupt stays visible to the caller");

        aws.sts(aws.ci()).getCallerIdentity();
    }

    @Test
    void delayAlways_delaysEveryMatchingCall_untilCleared() {
        aws.world.faults().delayAlways(AwsService.S3, "*", Duration.ofSeconds(30));

        for (int i = 0; i < 2; i++) {
            Thread.currentThread().interrupt();
            assertThrows(AbortedException.class, this::put);
            assertTrue(Thread.interrupted());
        }
        aws.world.faults().clear();
        Thread.currentThread().interrupt();
        try {
            put();
        } finally {
            assertTrue(Thread.interrupted(), "no delay, so nothing consumed the interrupt");
        }
    }

    @Test
    void faultRules_refuseUnknownOperationsAndNonPositiveCounts() {
        AwsFaults faults = aws.world.faults();

        InvalidValueException unknown = assertThrows(InvalidValueException.class,
                () -> faults.failNext(AwsService.S3, "PutObjekt", 1, AwsFault.throttling()));
        assertEquals("operation", unknown.field());
        assertThrows(InvalidValueException.class,
                () -> faults.failNext(AwsService.ECR, "PutObject", 1, AwsFault.throttling()));
        assertThrows(InvalidValueException.class, () -> faults.failNext(AwsService.S3, "PutObject", 0,
                AwsFault.throttling()));
        assertThrows(InvalidValueException.class, () -> faults.delayNext(AwsService.S3, "PutObject", 1,
                Duration.ofMillis(-1)));
        assertThrows(InvalidValueException.class, () -> AwsFault.error(200, "Fine", "not an error"));
    }

    @Test
    void expiredTokenException_isTheModeledTypeOnlyWhereTheSdkModelsIt() {
        aws.world.faults().failNext(AwsService.STS, "GetCallerIdentity", 1,
                AwsFault.error(400, "ExpiredTokenException", "web identity token expired"));

        assertThrows(ExpiredTokenException.class, () -> aws.sts(aws.ci()).getCallerIdentity());
    }

    private void put() {
        s3.putObject(p -> p.bucket("prod-artifacts").key("k"), RequestBody.fromString("x"));
    }
}
