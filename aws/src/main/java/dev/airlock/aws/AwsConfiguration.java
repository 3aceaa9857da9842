package dev.airlock.aws;

import dev.airlock.InvalidValueException;
import dev.airlock.environment.Region;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Everything the aws backend is configured with, one immutable value grouped by concern. How SDK
 * clients are built (endpoint, path-style, checksums, HTTP client) is not here but in the
 * {@link AwsClientFactory} the backend is given, so there is one place for it.
 *
 * <pre>{@code
 * AwsConfiguration configuration = AwsConfiguration.builder()
 *         .region(Region.of("eu-central-1"))
 *         .roleChain(chain -> chain.hubRole(RoleArn.parse("arn:aws:iam::111111111111:role/airlock-hub")))
 *         .s3(s3 -> s3.originBucket("acme-artifacts"))
 *         .ledger(ledger -> ledger.bucket("acme-airlock-ledger"))
 *         .environment("prod", EnvironmentConfiguration.builder().bucket("acme-prod-artifacts")
 *                 .externalId("prod-7f3a").objectLock(ObjectLockRetention.compliance(Duration.ofDays(365))).build())
 *         .build();
 * }</pre>
 *
 * @param region       the tooling account's region: STS, the origin bucket and registry, the ledger bucket
 * @param artifacts    which store the backend promotes through. Default {@link Artifacts#S3}
 * @param roleChain    how environments are reached
 * @param s3           the S3 artifact store
 * @param ecr          the ECR artifact store
 * @param ledger       the S3 ledger
 * @param resilience   retries and circuit breakers around every AWS call
 * @param environments per-environment settings by environment name; environments not listed get defaults
 */
public record AwsConfiguration(Region region, Artifacts artifacts, RoleChainConfiguration roleChain,
        S3StoreConfiguration s3, EcrStoreConfiguration ecr, S3LedgerConfiguration ledger,
        ResilienceConfiguration resilience, Map<String, EnvironmentConfiguration> environments) {

    public AwsConfiguration {
        InvalidValueException.requireNonNull("region", region);
        InvalidValueException.requireNonNull("artifacts", artifacts);
        InvalidValueException.requireNonNull("roleChain", roleChain);
        InvalidValueException.requireNonNull("s3", s3);
        InvalidValueException.requireNonNull("ecr", ecr);
        InvalidValueException.requireNonNull("ledger", ledger);
        InvalidValueException.requireNonNull("resilience", resilience);
        environments = Map.copyOf(environments);
    }

    /** A builder with every group at its defaults; the region is required. */
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The settings of one environment, defaults if it has none. */
    public EnvironmentConfiguration environment(String name) {
        return environments.getOrDefault(name, EnvironmentConfiguration.defaults());
    }

    /** The store an engine on this backend promotes through ({@code artifacts:} in a configuration file). */
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

    /** Builds an {@link AwsConfiguration}; {@link #build()} may be called repeatedly. */
    public static final class Builder {
        private @Nullable Region region;
        private Artifacts artifacts = Artifacts.S3;
        private RoleChainConfiguration roleChain = RoleChainConfiguration.defaults();
        private S3StoreConfiguration s3 = S3StoreConfiguration.defaults();
        private EcrStoreConfiguration ecr = EcrStoreConfiguration.defaults();
        private S3LedgerConfiguration ledger = S3LedgerConfiguration.defaults();
        private ResilienceConfiguration resilience = ResilienceConfiguration.defaults();
        private final Map<String, EnvironmentConfiguration> environments = new LinkedHashMap<>();

        private Builder() {
        }

        private Builder(AwsConfiguration from) {
            region = from.region;
            artifacts = from.artifacts;
            roleChain = from.roleChain;
            s3 = from.s3;
            ecr = from.ecr;
            ledger = from.ledger;
            resilience = from.resilience;
            environments.putAll(from.environments);
        }

        /** Required: the tooling account's region. */
        public Builder region(Region region) {
            this.region = region;
            return this;
        }

        public Builder artifacts(Artifacts artifacts) {
            this.artifacts = artifacts;
            return this;
        }

        public Builder roleChain(RoleChainConfiguration roleChain) {
            this.roleChain = roleChain;
            return this;
        }

        /** Changes some options of {@link #roleChain(RoleChainConfiguration)}, keeping the others. */
        public Builder roleChain(Consumer<RoleChainConfiguration.Builder> change) {
            RoleChainConfiguration.Builder builder = roleChain.toBuilder();
            change.accept(builder);
            return roleChain(builder.build());
        }

        public Builder s3(S3StoreConfiguration s3) {
            this.s3 = s3;
            return this;
        }

        /** Changes some options of {@link #s3(S3StoreConfiguration)}, keeping the others. */
        public Builder s3(Consumer<S3StoreConfiguration.Builder> change) {
            S3StoreConfiguration.Builder builder = s3.toBuilder();
            change.accept(builder);
            return s3(builder.build());
        }

        public Builder ecr(EcrStoreConfiguration ecr) {
            this.ecr = ecr;
            return this;
        }

        /** Changes some options of {@link #ecr(EcrStoreConfiguration)}, keeping the others. */
        public Builder ecr(Consumer<EcrStoreConfiguration.Builder> change) {
            EcrStoreConfiguration.Builder builder = ecr.toBuilder();
            change.accept(builder);
            return ecr(builder.build());
        }

        public Builder ledger(S3LedgerConfiguration ledger) {
            this.ledger = ledger;
            return this;
        }

        /** Changes some options of {@link #ledger(S3LedgerConfiguration)}, keeping the others. */
        public Builder ledger(Consumer<S3LedgerConfiguration.Builder> change) {
            S3LedgerConfiguration.Builder builder = ledger.toBuilder();
            change.accept(builder);
            return ledger(builder.build());
        }

        public Builder resilience(ResilienceConfiguration resilience) {
            this.resilience = resilience;
            return this;
        }

        /** Changes some options of {@link #resilience(ResilienceConfiguration)}, keeping the others. */
        public Builder resilience(Consumer<ResilienceConfiguration.Builder> change) {
            ResilienceConfiguration.Builder builder = resilience.toBuilder();
            change.accept(builder);
            return resilience(builder.build());
        }

        /** Sets (replaces) the settings of one environment. */
        public Builder environment(String name, EnvironmentConfiguration configuration) {
            environments.put(InvalidValueException.requireNonNull("environment", name),
                    InvalidValueException.requireNonNull("environment configuration", configuration));
            return this;
        }

        public AwsConfiguration build() {
            return new AwsConfiguration(region, artifacts, roleChain, s3, ecr, ledger, resilience, environments);
        }
    }
}
