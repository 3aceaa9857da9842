package dev.airlock.aws;

import dev.airlock.InvalidValueException;
import dev.airlock.aws.internal.AwsSection;
import dev.airlock.config.AirlockConfiguration;
import dev.airlock.config.BackendConfiguration;
import dev.airlock.config.ConfigSection;
import dev.airlock.config.InvalidConfigurationException;
import dev.airlock.environment.Landscape;
import dev.airlock.spi.ArtifactStore;
import java.util.Locale;
import java.util.Objects;

/**
 * The aws backend as a configuration file describes it ({@code backend: {type: aws, aws: {...}}}):
 * the {@link AwsSettings} and which store the engine promotes through. Every value is checked where it
 * was written — bucket and repository names, role ARNs, durations, environment names that must exist
 * in the landscape — and all problems are thrown at once as located
 * {@link InvalidConfigurationException} problems ({@code FILE:LINE:COLUMN: message}).
 *
 * <pre>{@code
 * AirlockConfiguration configuration = AirlockConfiguration.load(Path.of("airlock.yaml"));
 * AwsBackendConfig aws = AwsBackendConfig.from(configuration);
 * try (AwsBackend backend = AwsBackend.builder().settings(aws.settings())
 *         .landscape(configuration.landscape()).build()) {
 *     ArtifactStore store = aws.store(backend);
 * }
 * }</pre>
 *
 * Credentials are never part of it: the backend takes them from the SDK's default provider chain.
 */
public final class AwsBackendConfig {
    private final AwsSettings settings;
    private final Artifacts artifacts;

    public AwsBackendConfig(AwsSettings settings, Artifacts artifacts) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.artifacts = Objects.requireNonNull(artifacts, "artifacts");
    }

    /**
     * Reads the aws backend of a loaded configuration.
     *
     * @throws InvalidValueException         when the file does not say {@code type: aws}
     * @throws InvalidConfigurationException at every value of {@code backend.aws} that breaks a rule
     */
    public static AwsBackendConfig from(AirlockConfiguration configuration) {
        BackendConfiguration backend = configuration.backend();
        if (!AwsBackendProvider.TYPE.equals(backend.type())) {
            throw new InvalidValueException("backend.type", backend.type(), "must be aws to read the aws backend's settings");
        }
        return AwsSection.readBackend(backend.settings(), configuration.landscape());
    }

    /**
     * Reads a {@code backend.aws} section against the landscape it configures.
     *
     * @throws InvalidConfigurationException at every value that breaks a rule
     */
    public static AwsBackendConfig read(ConfigSection aws, Landscape landscape) {
        return AwsSection.read(aws, landscape);
    }

    public AwsSettings settings() {
        return settings;
    }

    /** Which kind of artifact the engine promotes: files in S3 or images in ECR. */
    public Artifacts artifacts() {
        return artifacts;
    }

    /** The backend's store for {@link #artifacts()}. */
    public ArtifactStore store(AwsBackend backend) {
        return artifacts == Artifacts.S3 ? backend.s3Store() : backend.ecrStore();
    }

    @Override
    public String toString() {
        return "AwsBackendConfig[artifacts=" + artifacts.configName() + ", " + settings + "]";
    }

    /** The store an engine built from the file promotes through ({@code artifacts:} in the file). */
    public enum Artifacts {
        /** Files in S3: the origin bucket and a bucket per environment. */
        S3,
        /** Container images in ECR: the origin repository, and per-environment ones with the copy strategy. */
        ECR;

        /** The name used in files: {@code s3}, {@code ecr}. */
        public String configName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
