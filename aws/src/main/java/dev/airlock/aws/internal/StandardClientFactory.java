package dev.airlock.aws.internal;

import dev.airlock.aws.AwsClientFactory;
import dev.airlock.aws.OrganizationsReader;
import dev.airlock.environment.Region;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sts.StsClient;

/** The factory behind {@link AwsClientFactory#builder()}. */
public final class StandardClientFactory implements AwsClientFactory {
    private final @Nullable URI endpointOverride;
    private final boolean pathStyle;
    private final boolean checksumsWhenRequired;
    private final boolean sdkRetries;
    private final @Nullable SdkHttpClient httpClient;
    private final List<ExecutionInterceptor> interceptors;
    private final @Nullable Duration apiCallTimeout;
    private final @Nullable Duration apiCallAttemptTimeout;

    public StandardClientFactory(@Nullable URI endpointOverride, boolean pathStyle, boolean checksumsWhenRequired,
            boolean sdkRetries, @Nullable SdkHttpClient httpClient, List<ExecutionInterceptor> interceptors,
            @Nullable Duration apiCallTimeout, @Nullable Duration apiCallAttemptTimeout) {
        this.endpointOverride = endpointOverride;
        this.pathStyle = pathStyle;
        this.checksumsWhenRequired = checksumsWhenRequired;
        this.sdkRetries = sdkRetries;
        this.httpClient = httpClient;
        this.interceptors = interceptors;
        this.apiCallTimeout = apiCallTimeout;
        this.apiCallAttemptTimeout = apiCallAttemptTimeout;
    }

    @Override
    public StsClient sts(AwsCredentialsProvider credentials, Region region) {
        return configure(StsClient.builder(), credentials, region).build();
    }

    @Override
    public S3Client s3(AwsCredentialsProvider credentials, Region region) {
        var builder = configure(S3Client.builder(), credentials, region).forcePathStyle(pathStyle);
        if (checksumsWhenRequired) {
            builder.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        return builder.build();
    }

    @Override
    public EcrClient ecr(AwsCredentialsProvider credentials, Region region) {
        return configure(EcrClient.builder(), credentials, region).build();
    }

    @Override
    public SnsClient sns(AwsCredentialsProvider credentials, Region region) {
        return configure(SnsClient.builder(), credentials, region).build();
    }

    @Override
    public EventBridgeClient eventBridge(AwsCredentialsProvider credentials, Region region) {
        return configure(EventBridgeClient.builder(), credentials, region).build();
    }

    @Override
    public KmsClient kms(AwsCredentialsProvider credentials, Region region) {
        return configure(KmsClient.builder(), credentials, region).build();
    }

    @Override
    public IamClient iam(AwsCredentialsProvider credentials, Region region) {
        // IAM has one global endpoint; an emulator's endpoint override still wins.
        return configure(IamClient.builder(), credentials, region).region(software.amazon.awssdk.regions.Region.AWS_GLOBAL)
                .build();
    }

    @Override
    public OrganizationsReader organizations(AwsCredentialsProvider credentials) {
        SdkHttpClient http = httpClient;
        if (http == null) {
            UrlConnectionHttpClient.Builder own = UrlConnectionHttpClient.builder();
            Duration timeout = apiCallAttemptTimeout != null ? apiCallAttemptTimeout : apiCallTimeout;
            if (timeout != null) {
                own.connectionTimeout(timeout).socketTimeout(timeout);
            }
            http = own.build();
        }
        return new OrganizationsJsonClient(http, httpClient == null, credentials, endpointOverride, null,
                Duration.ofMillis(200));
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder,
            AwsCredentialsProvider credentials, Region region) {
        builder.credentialsProvider(credentials).region(software.amazon.awssdk.regions.Region.of(region.value()));
        if (endpointOverride != null) {
            builder.endpointOverride(endpointOverride);
        }
        if (httpClient != null) {
            builder.httpClient(httpClient);
        }
        builder.overrideConfiguration(o -> {
            interceptors.forEach(o::addExecutionInterceptor);
            if (!sdkRetries) {
                o.retryStrategy(AwsRetryStrategy.doNotRetry());
            }
            o.apiCallTimeout(apiCallTimeout);
            o.apiCallAttemptTimeout(apiCallAttemptTimeout);
        });
        return builder;
    }

    @Override
    public String toString() {
        return "StandardClientFactory[endpointOverride=" + endpointOverride + ", pathStyle=" + pathStyle
                + ", checksumsWhenRequired=" + checksumsWhenRequired + ", sdkRetries=" + sdkRetries + "]";
    }
}
