package dev.airlock.aws;

import dev.airlock.aws.internal.StandardClientFactory;
import dev.airlock.environment.Region;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Makes the SDK clients the aws backend uses, one per set of credentials and region. Inject your own
 * to control how clients are built (HTTP client, proxies, metrics) or to substitute fakes; the
 * backend closes every client it asked for when it is closed.
 *
 * <p>{@link #builder()} builds the standard factory. It turns the SDK's own retries off by default,
 * because the backend retries throttling and 5xx itself (with jitter, counted by each account's
 * circuit breaker); two retry layers would multiply attempts.
 */
public interface AwsClientFactory {

    StsClient sts(AwsCredentialsProvider credentials, Region region);

    S3Client s3(AwsCredentialsProvider credentials, Region region);

    EcrClient ecr(AwsCredentialsProvider credentials, Region region);

    /** An SNS client, for event publishing; factories that publish no events need not make one. */
    default SnsClient sns(AwsCredentialsProvider credentials, Region region) {
        throw new UnsupportedOperationException(this + " makes no SNS clients; publish events with a factory that does");
    }

    /** An EventBridge client, for event publishing; factories that publish no events need not make one. */
    default EventBridgeClient eventBridge(AwsCredentialsProvider credentials, Region region) {
        throw new UnsupportedOperationException(this + " makes no EventBridge clients; publish events with a factory"
                + " that does");
    }

    /**
     * A KMS client, for signing attestations with KMS keys. The default refuses, so factories written
     * before KMS signing keep compiling; the standard factory implements it.
     */
    default KmsClient kms(AwsCredentialsProvider credentials, Region region) {
        throw new UnsupportedOperationException(this + " makes no KMS clients: implement kms(credentials, region)"
                + " to sign with KMS keys");
    }

    /**
     * An IAM client, which {@code airlock doctor} uses to read roles (IAM is global: {@code region} only
     * signs). Factories written before the doctor existed do not build one.
     *
     * @throws UnsupportedOperationException unless the factory implements it
     */
    default IamClient iam(AwsCredentialsProvider credentials, Region region) {
        throw new UnsupportedOperationException(getClass().getName() + " builds no IAM client; implement "
                + "AwsClientFactory.iam to read roles (airlock doctor)");
    }

    /**
     * A reader of AWS Organizations acting with {@code credentials}, which {@code airlock doctor} uses to check
     * the service control policies. Organizations is global: the standard factory signs for us-east-1 and
     * sends to its endpoint override, if set. Its requests do not pass through this factory's interceptors
     * (they are not SDK client calls). Factories written before the doctor read SCPs do not make one.
     *
     * @throws UnsupportedOperationException unless the factory implements it
     */
    default OrganizationsReader organizations(AwsCredentialsProvider credentials) {
        throw new UnsupportedOperationException(getClass().getName() + " makes no Organizations reader; implement "
                + "AwsClientFactory.organizations to check service control policies (airlock doctor)");
    }

    static Builder builder() {
        return new Builder();
    }


    /** Configures the standard factory. */
    final class Builder {
        private @Nullable URI endpointOverride;
        private boolean pathStyle;
        private boolean checksumsWhenRequired;
        private boolean sdkRetries;
        private @Nullable SdkHttpClient httpClient;
        private final List<ExecutionInterceptor> interceptors = new ArrayList<>();
        private @Nullable Duration apiCallTimeout;
        private @Nullable Duration apiCallAttemptTimeout;

        private Builder() {
        }

        /** Default none: AWS's own endpoints. Set it to an emulator's URL, e.g. moto's {@code http://127.0.0.1:5000}. */
        public Builder endpointOverride(@Nullable URI endpoint) {
            this.endpointOverride = endpoint;
            return this;
        }

        /**
         * Default false: virtual-hosted-style S3 addressing ({@code bucket.host/key}), as AWS prefers. True
         * addresses {@code host/bucket/key}, as emulators without wildcard DNS need.
         */
        public Builder pathStyle(boolean pathStyle) {
            this.pathStyle = pathStyle;
            return this;
        }

        /**
         * Default false: the SDK's default, request and response checksums wherever an API supports them.
         * True sends and checks them only where an API requires them, as emulators that do not compute
         * them need.
         */
        public Builder checksumsWhenRequired(boolean checksumsWhenRequired) {
            this.checksumsWhenRequired = checksumsWhenRequired;
            return this;
        }

        /** Points every client at a local emulator such as moto: endpoint override, path-style, checksums when required. */
        public Builder emulator(URI endpoint) {
            return endpointOverride(endpoint).pathStyle(true).checksumsWhenRequired(true);
        }

        /** Default false: only the backend retries. True keeps the SDK's standard retry strategy as well. */
        public Builder sdkRetries(boolean sdkRetries) {
            this.sdkRetries = sdkRetries;
            return this;
        }

        /** Default: each client gets the SDK's default HTTP client. A shared client is not closed by the clients. */
        public Builder httpClient(@Nullable SdkHttpClient httpClient) {
            this.httpClient = httpClient;
            return this;
        }

        /** Adds an interceptor to every client, e.g. to record or meter requests. */
        public Builder addInterceptor(ExecutionInterceptor interceptor) {
            interceptors.add(interceptor);
            return this;
        }

        /** Default none: the time one call may take, all attempts together. */
        public Builder apiCallTimeout(@Nullable Duration timeout) {
            this.apiCallTimeout = timeout;
            return this;
        }

        /** Default none: the time one HTTP attempt may take. Mind that a CopyObject of 5 GiB can take minutes. */
        public Builder apiCallAttemptTimeout(@Nullable Duration timeout) {
            this.apiCallAttemptTimeout = timeout;
            return this;
        }

        public AwsClientFactory build() {
            return new StandardClientFactory(endpointOverride, pathStyle, checksumsWhenRequired, sdkRetries, httpClient,
                    List.copyOf(interceptors), apiCallTimeout, apiCallAttemptTimeout);
        }
    }
}
