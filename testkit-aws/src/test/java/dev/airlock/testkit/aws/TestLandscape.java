package dev.airlock.testkit.aws;

import dev.airlock.testkit.ManualClock;
import dev.airlock.testkit.aws.contract.AwsContractTarget;
import java.time.Instant;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;

/**
 * The landscape the tests run in, the one the contract kits describe ({@link AwsContractTarget}): a tooling
 * account with a CI user and a hub role, and staging and prod accounts whose deploy roles trust only the hub
 * (prod also requires an external id).
 */
final class TestLandscape {
    static final String TOOLING = AwsContractTarget.TOOLING;
    static final String STAGING = AwsContractTarget.STAGING;
    static final String PROD = AwsContractTarget.PROD;
    static final String CI_USER = "arn:aws:iam::111111111111:user/ci";
    static final String HUB = AwsContractTarget.HUB;
    static final String STAGING_DEPLOY = AwsContractTarget.STAGING_DEPLOY;
    static final String PROD_DEPLOY = AwsContractTarget.PROD_DEPLOY;
    static final String PROD_EXTERNAL_ID = AwsContractTarget.PROD_EXTERNAL_ID;
    static final Region REGION = AwsContractTarget.REGION;

    final ManualClock clock = ManualClock.at("2026-03-02T09:00:00Z");
    final AwsWorld world;

    TestLandscape() {
        this.world = AwsWorld.builder()
                .clock(clock)
                .region(REGION)
                .account(TOOLING, STAGING, PROD)
                .user(CI_USER)
                .role(IamRole.of(HUB, TrustPolicy.builder().trust(CI_USER).allowSourceIdentity().allowSessionTags()
                        .build()))
                .role(IamRole.of(STAGING_DEPLOY, TrustPolicy.builder().trust(HUB).allowSourceIdentity()
                        .allowSessionTags().build()))
                .role(IamRole.of(PROD_DEPLOY, TrustPolicy.builder().trust(HUB).externalId(PROD_EXTERNAL_ID)
                        .allowSourceIdentity().allowSessionTags().build()))
                .build();
    }

    Instant now() {
        return clock.instant();
    }

    AwsCredentialsProvider ci() {
        return world.credentials(CI_USER);
    }

    AwsCredentialsProvider root(String account) {
        return world.credentials(account);
    }

    /** Credentials of the hub role, assumed by the CI user. */
    AwsCredentialsProvider hub() {
        return credentials(sts(ci()).assumeRole(r -> r.roleArn(HUB).roleSessionName("build-42")));
    }

    /** Credentials of an environment's deploy role, by the chain CI user, hub, deploy role. */
    AwsCredentialsProvider deploy(String roleArn) {
        return credentials(sts(hub()).assumeRole(r -> r.roleArn(roleArn).roleSessionName("promotion-7")
                .externalId(roleArn.equals(PROD_DEPLOY) ? PROD_EXTERNAL_ID : null)));
    }

    static AwsCredentialsProvider credentials(AssumeRoleResponse response) {
        return StaticCredentialsProvider.create(AwsSessionCredentials.create(response.credentials().accessKeyId(),
                response.credentials().secretAccessKey(), response.credentials().sessionToken()));
    }

    StsClient sts(AwsCredentialsProvider credentials) {
        return world.sts(credentials);
    }

    S3Client s3(AwsCredentialsProvider credentials) {
        return world.s3(credentials);
    }

    S3Client s3(AwsCredentialsProvider credentials, Region region) {
        return world.s3(credentials, region);
    }

    EcrClient ecr(AwsCredentialsProvider credentials) {
        return world.ecr(credentials);
    }

    KmsClient kms(AwsCredentialsProvider credentials) {
        return world.kms(credentials);
    }
}
