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
        AwsBackend aws = AwsBackend.builder().settings(config.settings()).landscape(configuration.landscape()).build();
        try {
            return new Backend(config.store(aws), aws.environmentAccess(), aws.ledger(), aws::close, null);
        } catch (RuntimeException e) {
            aws.close();
            throw e;
        }
    }

    @Override
    public void close() {
        closer.run();
    }
}
