package dev.airlock.aws;

import dev.airlock.aws.internal.AwsSection;
import dev.airlock.aws.policy.AwsDoctor;
import dev.airlock.aws.policy.AwsPolicies;
import dev.airlock.config.ConfigSection;
import dev.airlock.spi.BackendContext;
import dev.airlock.spi.SetupFinding;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * Runs {@link AwsDoctor} on the SDK's default credential chain for {@link AwsBackendProvider}, kept apart
 * from the provider so that only running the doctor loads AWS SDK classes.
 */
final class DefaultChainDoctor {
    private DefaultChainDoctor() {
    }

    static List<SetupFinding> check(AwsSection.Read read, ConfigSection settings, BackendContext context,
            Map<String, String> options) {
        AwsPolicies expected = AwsBackendProvider.policies(read, context.landscape(), options);
        try (DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build()) {
            DefaultChainBackend.requireCredentials(credentials, settings);
            return AwsDoctor.of(expected, read.configuration(), context.landscape(), read.clients(), credentials,
                    options.getOrDefault("inspectorRole", "airlock-inspector"))
                    .readingOrganizationsAs(options.get("organizationsRole")).check();
        }
    }
}
