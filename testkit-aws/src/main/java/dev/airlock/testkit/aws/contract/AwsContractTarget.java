package dev.airlock.testkit.aws.contract;

import dev.airlock.artifact.Digest;
import java.time.Instant;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;

/**
 * What the contracts run against: an implementation of the STS, S3, ECR and KMS APIs, seen only through SDK
 * clients. It holds accounts {@link #TOOLING}, {@link #STAGING} and {@link #PROD}; a base identity
 * ({@link #ci()}) that may assume {@link #HUB}; and {@link #HUB}, which may assume {@link #STAGING_DEPLOY}
 * and, with external id {@link #PROD_EXTERNAL_ID}, {@link #PROD_DEPLOY}. An implementation that does not
 * check trust (moto_server) needs none of the roles to exist. Clients act in {@link #REGION} unless given
 * another region.
 */
public abstract class AwsContractTarget implements AutoCloseable {
    /** The tooling account: base identity, hub role, origin buckets and repositories. */
    public static final String TOOLING = "111111111111";
    /** An environment account with a deploy role that needs no external id. */
    public static final String STAGING = "222222222222";
    /** An environment account whose deploy role requires {@link #PROD_EXTERNAL_ID}. */
    public static final String PROD = "333333333333";
    /** The role in tooling that the base identity assumes first. */
    public static final String HUB = "arn:aws:iam::111111111111:role/hub";
    /** Staging's deploy role, trusting {@link #HUB}. */
    public static final String STAGING_DEPLOY = "arn:aws:iam::222222222222:role/deploy";
    /** Prod's deploy role, trusting {@link #HUB} with {@link #PROD_EXTERNAL_ID}. */
    public static final String PROD_DEPLOY = "arn:aws:iam::333333333333:role/deploy";
    /** The external id {@link #PROD_DEPLOY} requires. */
    public static final String PROD_EXTERNAL_ID = "prod-2026";
    /** The region of every client that is not given another. */
    public static final Region REGION = Region.EU_CENTRAL_1;

    private static final int LAYER_PART = 5 * 1024 * 1024;

    /** An STS client acting with {@code credentials}. */
    public abstract StsClient sts(AwsCredentialsProvider credentials);

    /** An S3 client acting with {@code credentials} in {@code region}. */
    public abstract S3Client s3(AwsCredentialsProvider credentials, Region region);

    /** An ECR client acting with {@code credentials} in {@link #REGION}. */
    public abstract EcrClient ecr(AwsCredentialsProvider credentials);

    /**
     * A KMS client acting with {@code credentials} in {@link #REGION}, for {@link KmsContract}. The default
     * refuses, so targets written before the KMS kit keep compiling; override it to run that kit.
     */
    public KmsClient kms(AwsCredentialsProvider credentials) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no KMS: override "
                + "kms(credentials) to run KmsContract against it");
    }

    /** The base identity's credentials, the start of every role chain. */
    public abstract AwsCredentialsProvider ci();

    /** The ARN GetCallerIdentity reports for {@link #ci()}. */
    public abstract String ciArn();

    /** Credentials that may do anything in {@code account}, such as its root user's. */
    public abstract AwsCredentialsProvider account(String account);

    /**
     * Makes {@code blob} available in {@code repository} before a manifest naming it is pushed, as a
     * registry client does. The default uploads it through the layer API, as ECR requires; override it for
     * an implementation that has no layer API and does not check blobs (moto_server).
     */
    public void pushBlob(EcrClient ecr, String repository, byte[] blob) {
        String upload = ecr.initiateLayerUpload(i -> i.repositoryName(repository)).uploadId();
        for (int first = 0; first < blob.length; first += LAYER_PART) {
            int start = first;
            int end = Math.min(blob.length, first + LAYER_PART);
            ecr.uploadLayerPart(u -> u.repositoryName(repository).uploadId(upload).partFirstByte((long) start)
                    .partLastByte((long) end - 1).layerPartBlob(SdkBytes.fromByteArray(
                            Arrays.copyOfRange(blob, start, end))));
        }
        ecr.completeLayerUpload(c -> c.repositoryName(repository).uploadId(upload)
                .layerDigests(Digest.of(blob).value()));
    }

    /** The implementation's notion of now, which retention dates are set from. */
    public Instant now() {
        return Instant.now();
    }

    /** Releases the clients handed out; the kit calls it after each test. */
    @Override
    public void close() {
    }

    /** An S3 client acting with {@code credentials} in {@link #REGION}. */
    public final S3Client s3(AwsCredentialsProvider credentials) {
        return s3(credentials, REGION);
    }

    /** The account {@link #ci()} acts in. */
    final String ciAccount() {
        return ciArn().split(":")[4];
    }

    /** Credentials of the hub role, assumed by the base identity. */
    final AwsCredentialsProvider hub() {
        return credentials(sts(ci()).assumeRole(r -> r.roleArn(HUB).roleSessionName("build-42")));
    }

    /** Credentials of an environment's deploy role, by the chain base identity, hub, deploy role. */
    final AwsCredentialsProvider deploy(String roleArn) {
        @Nullable String externalId = roleArn.equals(PROD_DEPLOY) ? PROD_EXTERNAL_ID : null;
        return credentials(sts(hub()).assumeRole(r -> r.roleArn(roleArn).roleSessionName("promotion-7")
                .externalId(externalId)));
    }

    static AwsCredentialsProvider credentials(AssumeRoleResponse response) {
        return StaticCredentialsProvider.create(AwsSessionCredentials.create(response.credentials().accessKeyId(),
                response.credentials().secretAccessKey(), response.credentials().sessionToken()));
    }
}
