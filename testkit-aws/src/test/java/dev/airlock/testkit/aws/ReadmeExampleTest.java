package dev.airlock.testkit.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.airlock.testkit.ManualClock;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

/** The in-memory AWS consumer test shown in the README, kept compiling and passing by the build. */
class ReadmeExampleTest {
    /** The code under test: copies a build artifact from the tooling bucket into prod, as prod's deploy role. */
    static final class Promoter {
        private final StsClient sts;
        private final Function<AwsCredentialsProvider, S3Client> s3;

        Promoter(StsClient sts, Function<AwsCredentialsProvider, S3Client> s3) {
            this.sts = sts;
            this.s3 = s3;
        }

        void promote(String key, String who) {
            Credentials session = sts.assumeRole(r -> r.roleArn("arn:aws:iam::333333333333:role/deploy")
                    .roleSessionName("promote").externalId("prod-2026").sourceIdentity(who)).credentials();
            AwsCredentialsProvider prodRole = StaticCredentialsProvider.create(AwsSessionCredentials.create(
                    session.accessKeyId(), session.secretAccessKey(), session.sessionToken()));
            try (S3Client prod = s3.apply(prodRole)) {
                prod.copyObject(c -> c.sourceBucket("tooling-artifacts").sourceKey(key)
                        .expectedSourceBucketOwner("111111111111")
                        .destinationBucket("prod-artifacts").destinationKey(key).expectedBucketOwner("333333333333"));
            }
        }
    }

    ManualClock clock = ManualClock.at("2026-03-02T09:00:00Z");
    AwsWorld aws = AwsWorld.builder()
            .clock(clock)
            .region(Region.EU_CENTRAL_1)
            .account("111111111111", "333333333333")
            .user("arn:aws:iam::111111111111:user/ci")
            .role(IamRole.of("arn:aws:iam::333333333333:role/deploy", TrustPolicy.builder()
                    .trust("arn:aws:iam::111111111111:user/ci")
                    .externalId("prod-2026")
                    .allowSourceIdentity()
                    .build()))
            .build();
    AwsCredentialsProvider ci = aws.credentials("arn:aws:iam::111111111111:user/ci");
    Promoter promoter = new Promoter(aws.sts(ci), aws::s3);

    @BeforeEach
    void buckets() {
        S3Client tooling = aws.s3(aws.credentials("111111111111"));          // the account's root user
        tooling.createBucket(b -> b.bucket("tooling-artifacts"));            // the client's region, as the SDK does
        tooling.putObject(p -> p.bucket("tooling-artifacts").key("app-1.0.0.jar"), RequestBody.fromString("jar bytes"));
        tooling.putBucketPolicy(p -> p.bucket("tooling-artifacts").policy("""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                  "Principal": {"AWS": "arn:aws:iam::333333333333:role/deploy"},
                  "Action": "s3:GetObject", "Resource": "arn:aws:s3:::tooling-artifacts/*"}]}"""));
        aws.s3(aws.credentials("333333333333")).createBucket(b -> b.bucket("prod-artifacts"));
    }

    @Test
    void promote_copiesTheArtifactIntoProd_asTheDeployRole() {
        promoter.promote("app-1.0.0.jar", "alice");

        S3Client prod = aws.s3(aws.credentials("333333333333"));
        assertEquals("jar bytes", prod.getObjectAsBytes(g -> g.bucket("prod-artifacts").key("app-1.0.0.jar")).asUtf8String());
        AwsCall copy = aws.calls(AwsService.S3, "CopyObject").get(0);
        assertEquals("arn:aws:sts::333333333333:assumed-role/deploy/promote", copy.principalArn());
        assertEquals("alice", copy.sourceIdentity());
    }

    @Test
    void promote_whenProdStopsTrustingCi_isDenied() {
        aws.putRole(IamRole.of("arn:aws:iam::333333333333:role/deploy", TrustPolicy.trusting("333333333333")));

        StsException denied = assertThrows(StsException.class, () -> promoter.promote("app-1.0.0.jar", "alice"));

        assertEquals("AccessDenied", denied.awsErrorDetails().errorCode());
    }

    @Test
    void promote_whenS3Throttles_surfacesSlowDown() {
        aws.faults().failNext(AwsService.S3, "CopyObject", 1, AwsFault.throttling());

        S3Exception throttled = assertThrows(S3Exception.class, () -> promoter.promote("app-1.0.0.jar", "alice"));

        assertEquals(503, throttled.statusCode());
        assertEquals("SlowDown", throttled.awsErrorDetails().errorCode());
    }
}
