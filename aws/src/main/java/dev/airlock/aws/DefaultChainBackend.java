package dev.airlock.aws;

import dev.airlock.InvalidValueException;
import dev.airlock.aws.internal.AwsSection;
import dev.airlock.config.ConfigSection;
import dev.airlock.config.InvalidConfigurationException;
import dev.airlock.spi.Backend;
import dev.airlock.spi.BackendContext;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Opens an {@link AwsBackend} on the SDK's default credential chain for {@link AwsBackendProvider}. Kept
 * apart from the provider, which the JVM loads for every configuration, so that only opening an aws
 * backend loads AWS SDK classes.
 */
final class DefaultChainBackend {
    private DefaultChainBackend() {
    }

    static Backend open(ConfigSection settings, BackendContext context) {
        Object meters = context.meters().orElse(null);
        AwsSection.Read read = AwsSection.readBackend(settings, context.landscape(), meters == null ? List.of()
                : List.<ExecutionInterceptor>of(BackendMeters.calls(meters)));
        context.stateOverride().ifPresent(state -> {
            throw new InvalidValueException("state", state, "is a directory for backends that keep their state on "
                    + "this machine, but the aws backend keeps artifacts and the ledger in S3 and ECR; leave it out");
        });
        // Given no base credentials, the backend makes the SDK's default chain and closes it with itself.
        AwsBackend aws = AwsBackendProvider.builder(read, context.landscape()).clock(context.clock()).build();
        try {
            requireCredentials(aws.baseCredentials(), settings);
            if (meters != null) {
                BackendMeters.breakers(aws, meters);
            }
            // Opened now, so a setting they lack is reported at open, as before any command runs.
            aws.artifactStore();
            aws.environmentAccess();
            aws.ledger();
            return aws;
        } catch (RuntimeException e) {
            aws.close();
            throw e;
        }
    }

    static void requireCredentials(AwsCredentialsProvider credentials, ConfigSection settings) {
        try {
            credentials.resolveCredentials();
        } catch (SdkClientException e) {
            throw new InvalidConfigurationException(List.of(settings.keyProblem("aws", settings.path("aws")
                    + ": no AWS credentials found for the tooling account: set AWS_ACCESS_KEY_ID, "
                    + "AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, or AWS_PROFILE, or run where a container or "
                    + "instance role is available (the configuration file never holds them)")));
        }
    }
}
