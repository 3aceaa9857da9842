package dev.airlock.aws;

import dev.airlock.InvalidValueException;
import dev.airlock.aws.internal.AwsSection;
import dev.airlock.config.ConfigSection;
import dev.airlock.config.InvalidConfigurationException;
import dev.airlock.environment.Landscape;
import dev.airlock.spi.Backend;
import dev.airlock.spi.BackendContext;
import dev.airlock.spi.BackendProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * {@code backend: {type: aws, aws: {...}}}: an {@link AwsBackend} on the tooling account's credentials
 * from the AWS SDK's default provider chain (environment variables, profiles, SSO, web identity,
 * container or instance roles), never from the file. Found by {@link java.util.ServiceLoader}.
 */
public final class AwsBackendProvider implements BackendProvider {
    /** The name written as {@code backend.type}. */
    public static final String TYPE = "aws";

    @Override
    public String type() {
        return TYPE;
    }

    /** Where artifacts and the ledger live; external ids are never shown. */
    @Override
    public Map<String, String> describe(ConfigSection settings, Landscape landscape) {
        AwsBackendConfig config = AwsSection.readBackend(settings, landscape);
        AwsSettings aws = config.settings();
        Map<String, String> out = new LinkedHashMap<>();
        out.put("type", TYPE);
        out.put("region", aws.region().value());
        if (aws.endpointOverride() != null) {
            out.put("endpoint", aws.endpointOverride().toString());
        }
        if (aws.hubRole() != null) {
            out.put("hubRole", aws.hubRole().toString());
        }
        out.put("artifacts", config.artifacts().configName());
        if (config.artifacts() == AwsBackendConfig.Artifacts.S3) {
            out.put("originBucket", aws.originBucket());
        } else {
            out.put("originRepository", aws.originRepository());
            out.put("ecrStrategy", aws.ecrStrategy().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        out.put("ledgerBucket", aws.ledgerBucket());
        out.put("credentials", "the AWS SDK's default provider chain");
        return out;
    }

    /**
     * Opens the backend. Its clock decides credential refreshes and circuit breakers, so it should be
     * real time even when an engine on it acts at another instant.
     *
     * @throws InvalidValueException         when a state directory is given: nothing of this backend is local
     * @throws InvalidConfigurationException at every problem of the section, and when the default chain finds
     *                                       no credentials (before any AWS call)
     */
    @Override
    public Backend open(ConfigSection settings, BackendContext context) {
        AwsBackendConfig config = AwsSection.readBackend(settings, context.landscape());
        context.stateOverride().ifPresent(state -> {
            throw new InvalidValueException("state", state, "is a directory for backends that keep their state on "
                    + "this machine, but the aws backend keeps artifacts and the ledger in S3 and ECR; leave it out");
        });
        DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
        AwsBackend aws = null;
        try {
            requireCredentials(credentials, settings);
            aws = AwsBackend.builder().settings(config.settings()).landscape(context.landscape())
                    .baseCredentials(credentials).clock(context.clock()).build();
            AwsBackend opened = aws;
            return Backend.of(config.store(aws), aws.environmentAccess(), aws.ledger(), () -> {
                opened.close();
                credentials.close();
            });
        } catch (RuntimeException e) {
            if (aws != null) {
                aws.close();
            }
            credentials.close();
            throw e;
        }
    }

    private static void requireCredentials(DefaultCredentialsProvider credentials, ConfigSection settings) {
        try {
            credentials.resolveCredentials();
        } catch (SdkClientException e) {
            throw new InvalidConfigurationException(List.of(settings.keyProblem("aws", settings.path("aws")
                    + ": no AWS credentials found for the tooling account: set AWS_ACCESS_KEY_ID, "
                    + "AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, or AWS_PROFILE, or run where a container or "
                    + "instance role is available (the configuration file never holds them)")));
        }
    }

    @Override
    public String toString() {
        return "AwsBackendProvider[type=" + TYPE + "]";
    }
}
