package dev.airlock.aws;

import dev.airlock.config.ConfigSection;
import dev.airlock.config.InvalidConfigurationException;
import dev.airlock.spi.ArtifactStore;
import dev.airlock.spi.Authenticator;
import dev.airlock.spi.Backend;
import dev.airlock.spi.BackendContext;
import dev.airlock.spi.EnvironmentAccess;
import dev.airlock.spi.Ledger;
import dev.airlock.spi.PromotionListener;
import dev.airlock.spi.Signer;
import java.util.List;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Opens an {@link AwsBackend} on the SDK's default credential chain for {@link AwsBackendProvider}. Kept
 * apart from the provider, which the JVM loads for every configuration, so that only opening an aws
 * backend loads AWS SDK classes.
 */
final class DefaultChainBackend {
    private DefaultChainBackend() {
    }

    static Backend open(AwsBackend.Builder builder, ConfigSection settings, BackendContext context) {
        DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
        try {
            requireCredentials(credentials, settings);
            AwsBackend aws = builder.baseCredentials(credentials).clock(context.clock()).build();
            try {
                // Opened now, so a setting they lack is reported at open, as before any command runs.
                aws.artifactStore();
                aws.environmentAccess();
                aws.ledger();
                return closingToo(aws, credentials);
            } catch (RuntimeException e) {
                aws.close();
                throw e;
            }
        } catch (RuntimeException e) {
            credentials.close();
            throw e;
        }
    }

    /** {@code aws}, which also closes the credentials it was given when it closes. */
    private static Backend closingToo(AwsBackend aws, DefaultCredentialsProvider credentials) {
        return new Backend() {
            @Override
            public ArtifactStore artifactStore() {
                return aws.artifactStore();
            }

            @Override
            public EnvironmentAccess environmentAccess() {
                return aws.environmentAccess();
            }

            @Override
            public Ledger ledger() {
                return aws.ledger();
            }

            @Override
            public Authenticator authenticator() {
                return aws.authenticator();
            }

            @Override
            public Signer remoteSigner(String keyReference) {
                return aws.remoteSigner(keyReference);
            }

            @Override
            public List<PromotionListener> listeners() {
                return aws.listeners();
            }

            @Override
            public void close() {
                aws.close();
                credentials.close();
            }

            @Override
            public String toString() {
                return aws.toString();
            }
        };
    }

    static void requireCredentials(DefaultCredentialsProvider credentials, ConfigSection settings) {
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
