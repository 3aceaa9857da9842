package dev.airlock.examples.cli;

import dev.airlock.aws.AwsBackend;
import dev.airlock.aws.AwsBackendConfig;
import dev.airlock.config.AirlockConfiguration;
import dev.airlock.local.LocalBackend;
import dev.airlock.spi.ArtifactStore;
import dev.airlock.spi.EnvironmentAccess;
import dev.airlock.spi.Ledger;
import java.nio.file.Path;
import java.time.Clock;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The ports the engine runs on, chosen by the configuration file's {@code backend:} section, and
 * what must be closed when the command is done.
 *
 * @param local the local backend, or null on AWS
 */
record Backend(ArtifactStore store, EnvironmentAccess access, Ledger ledger, Runnable closer,
        LocalBackend local) implements AutoCloseable {

    /** Directories under {@code state}. */
    static Backend local(AirlockConfiguration configuration, Path state, Clock clock) {
        LocalBackend local = LocalBackend.open(state, configuration.landscape(), clock);
        return new Backend(local.artifactStore(), local.environmentAccess(), local.ledger(), () -> { }, local);
    }

    /**
     * AWS accounts, from {@code backend.aws}. Credentials come from the AWS SDK's default provider
     * chain (environment variables, profiles, SSO, container or instance roles), never from the file.
     * The backend keeps real time for credential expiry even when the engine acts at {@code --at}.
     */
    static Backend aws(AirlockConfiguration configuration) {
        AwsBackendConfig config = AwsBackendConfig.from(configuration);
        DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
        AwsBackend aws = null;
        try {
            requireCredentials(credentials);
            aws = AwsBackend.builder().settings(config.settings()).landscape(configuration.landscape())
                    .baseCredentials(credentials).build();
            AwsBackend opened = aws;
            return new Backend(config.store(aws), aws.environmentAccess(), aws.ledger(), () -> {
                opened.close();
                credentials.close();
            }, null);
        } catch (RuntimeException e) {
            if (aws != null) {
                aws.close();
            }
            credentials.close();
            throw e;
        }
    }

    /** Fails before any AWS call, with what to do, when the default chain finds no credentials. */
    private static void requireCredentials(DefaultCredentialsProvider credentials) {
        try {
            credentials.resolveCredentials();
        } catch (SdkClientException e) {
            throw new ErrorHandler.CliFailure(ExitCodes.BAD_INPUT, "no AWS credentials found for the tooling account: "
                    + "set AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, or AWS_PROFILE, or run "
                    + "where a container or instance role is available (the configuration file never holds them)");
        }
    }

    @Override
    public void close() {
        closer.run();
    }
}
