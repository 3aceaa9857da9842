package dev.airlock.aws;

import dev.airlock.InvalidValueException;
import dev.airlock.aws.internal.Validate;
import dev.airlock.environment.RoleArn;
import dev.airlock.environment.Region;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything the aws backend is configured with, in one immutable value. Build it with
 * {@link #builder()}; every option has a default except {@link Builder#region}. {@code build()}
 * checks each value against the AWS rule it must follow and names the field, the value and the rule.
 *
 * <pre>{@code
 * AwsSettings settings = AwsSettings.builder()
 *         .region(Region.of("eu-central-1"))
 *         .hubRole(RoleArn.parse("arn:aws:iam::111111111111:role/airlock-hub"))
 *         .originBucket("acme-artifacts")
 *         .originRepository("payments/api")
 *         .ledgerBucket("acme-airlock-ledger")
 *         .environment("prod", EnvironmentSettings.builder().bucket("acme-prod-artifacts")
 *                 .externalId("prod-7f3a").objectLock(ObjectLockRetention.compliance(Duration.ofDays(365))).build())
 *         .build();
 * }</pre>
 */
public final class AwsSettings {
    /** Chained role sessions last at least 15 minutes and at most one hour (an STS limit). */
    public static final Duration MIN_SESSION = Duration.ofSeconds(900);
    public static final Duration MAX_SESSION = Duration.ofSeconds(3600);

    private final Region region;
    private final @Nullable URI endpointOverride;
    private final boolean pathStyle;
    private final boolean checksumsWhenRequired;
    private final @Nullable RoleArn hubRole;
    private final @Nullable String hubExternalId;
    private final Duration sessionDuration;
    private final Duration refreshBefore;
    private final SessionScope sessionScope;
    private final SessionPolicy sessionPolicy;
    private final String inspectorPrincipal;
    private final Map<String, EnvironmentSettings> environments;
    private final @Nullable String originBucket;
    private final String artifactPrefix;
    private final long multipartCopyThreshold;
    private final long copyPartSize;
    private final int copyParallelism;
    private final @Nullable String originRepository;
    private final EcrStrategy ecrStrategy;
    private final long layerPartSize;
    private final boolean verifyPullAsEnvironment;
    private final @Nullable String ledgerBucket;
    private final String ledgerPrefix;
    private final int ledgerCacheSize;
    private final ResilienceSettings resilience;

    private AwsSettings(Builder b) {
        this.region = InvalidValueException.requireNonNull("region", b.region);
        this.endpointOverride = b.endpointOverride;
        this.pathStyle = b.pathStyle;
        this.checksumsWhenRequired = b.checksumsWhenRequired;
        this.hubRole = b.hubRole;
        this.hubExternalId = Validate.externalId("hubExternalId", b.hubExternalId);
        if (hubExternalId != null && hubRole == null) {
            throw new InvalidValueException("hubExternalId", "(set)", "needs a hubRole to be sent with");
        }
        this.sessionDuration = Validate.duration("sessionDuration", b.sessionDuration, MIN_SESSION, MAX_SESSION);
        this.refreshBefore = Validate.duration("refreshBefore", b.refreshBefore, Duration.ZERO,
                b.sessionDuration.dividedBy(2));
        this.sessionScope = InvalidValueException.requireNonNull("sessionScope", b.sessionScope);
        this.sessionPolicy = InvalidValueException.requireNonNull("sessionPolicy", b.sessionPolicy);
        this.inspectorPrincipal = SessionNames.sanitize("inspectorPrincipal", b.inspectorPrincipal);
        this.environments = Map.copyOf(b.environments);
        this.originBucket = Validate.bucket("originBucket", b.originBucket);
        this.artifactPrefix = Validate.prefix("artifactPrefix", b.artifactPrefix);
        this.multipartCopyThreshold = Validate.size("multipartCopyThreshold", b.multipartCopyThreshold,
                5 * Validate.MIB, 5 * Validate.GIB);
        this.copyPartSize = Validate.size("copyPartSize", b.copyPartSize, 5 * Validate.MIB, 5 * Validate.GIB);
        this.copyParallelism = Validate.range("copyParallelism", b.copyParallelism, 1, 64);
        this.originRepository = Validate.repository("originRepository", b.originRepository);
        this.ecrStrategy = InvalidValueException.requireNonNull("ecrStrategy", b.ecrStrategy);
        this.layerPartSize = Validate.size("layerPartSize", b.layerPartSize, 5 * Validate.MIB, 10 * Validate.MIB);
        this.verifyPullAsEnvironment = b.verifyPullAsEnvironment;
        this.ledgerBucket = Validate.bucket("ledgerBucket", b.ledgerBucket);
        this.ledgerPrefix = Validate.prefix("ledgerPrefix", b.ledgerPrefix);
        this.ledgerCacheSize = Validate.range("ledgerCacheSize", b.ledgerCacheSize, 0, 10_000_000);
        this.resilience = InvalidValueException.requireNonNull("resilience", b.resilience);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The tooling account's region: STS, the origin bucket, the origin registry and the ledger bucket. */
    public Region region() {
        return region;
    }

    /** The endpoint every client talks to instead of AWS's (an emulator such as moto), if set. */
    public @Nullable URI endpointOverride() {
        return endpointOverride;
    }

    /** Whether S3 is addressed path-style ({@code host/bucket/key}), as emulators need. */
    public boolean pathStyle() {
        return pathStyle;
    }

    /** Whether the SDK sends request checksums only where an API requires them, as emulators need. */
    public boolean checksumsWhenRequired() {
        return checksumsWhenRequired;
    }

    /** The role assumed between the base credentials and every deploy role, if any. */
    public @Nullable RoleArn hubRole() {
        return hubRole;
    }

    /** The ExternalId the hub role requires, if any. */
    public @Nullable String hubExternalId() {
        return hubExternalId;
    }

    /** DurationSeconds of every role session, 900-3600 s. */
    public Duration sessionDuration() {
        return sessionDuration;
    }

    /** How long before expiry cached role credentials are replaced, at most half the session duration. */
    public Duration refreshBefore() {
        return refreshBefore;
    }

    public SessionScope sessionScope() {
        return sessionScope;
    }

    public SessionPolicy sessionPolicy() {
        return sessionPolicy;
    }

    /**
     * The SourceIdentity of the sessions the stores open themselves to inspect an environment's bucket
     * or repository (whether it is immutable) outside any promotion.
     */
    public String inspectorPrincipal() {
        return inspectorPrincipal;
    }

    /** Per-environment settings by environment name; environments not listed get defaults. */
    public Map<String, EnvironmentSettings> environments() {
        return environments;
    }

    /** The settings of one environment, defaults if it has none. */
    public EnvironmentSettings environment(String name) {
        return environments.getOrDefault(name, EnvironmentSettings.defaults());
    }

    /** The S3 bucket in the tooling account that artifacts are uploaded to; required by the S3 store. */
    public @Nullable String originBucket() {
        return originBucket;
    }

    /** The key prefix of artifacts in every bucket: keys are {@code <prefix>/sha256/<hex>}. */
    public String artifactPrefix() {
        return artifactPrefix;
    }

    /** Objects larger than this are copied with parallel UploadPartCopy instead of one CopyObject (at most 5 GiB). */
    public long multipartCopyThreshold() {
        return multipartCopyThreshold;
    }

    /** The part size of multipart copies and uploads (grown when 10,000 parts would not suffice). */
    public long copyPartSize() {
        return copyPartSize;
    }

    /** How many parts of one multipart copy or upload are in flight at once. */
    public int copyParallelism() {
        return copyParallelism;
    }

    /** The ECR repository in the tooling account's registry that images are pushed to; required by the ECR store. */
    public @Nullable String originRepository() {
        return originRepository;
    }

    public EcrStrategy ecrStrategy() {
        return ecrStrategy;
    }

    /** The size of the parts layers are uploaded in by the copy strategy, 5-10 MiB. */
    public long layerPartSize() {
        return layerPartSize;
    }

    /**
     * With the central registry, whether verification reads the image as the environment's deploy
     * role, cross-account by digest, proving the environment can pull it (the repository policy lets
     * it). False reads it with the tooling credentials instead: for emulators without cross-account
     * ECR, such as moto, or deploy roles that never pull.
     */
    public boolean verifyPullAsEnvironment() {
        return verifyPullAsEnvironment;
    }

    /** The S3 bucket in the security account that holds the ledger; required by the S3 ledger. */
    public @Nullable String ledgerBucket() {
        return ledgerBucket;
    }

    /** The key prefix of the ledger: entries are {@code <prefix>/entries/<sequence>.json}. */
    public String ledgerPrefix() {
        return ledgerPrefix;
    }

    /** How many ledger entries are kept in memory (entries never change, so the cache is never stale). */
    public int ledgerCacheSize() {
        return ledgerCacheSize;
    }

    public ResilienceSettings resilience() {
        return resilience;
    }

    @Override
    public String toString() {
        return "AwsSettings[region=" + region + ", endpointOverride=" + endpointOverride + ", hubRole=" + hubRole
                + ", sessionDuration=" + sessionDuration + ", sessionScope=" + sessionScope + ", originBucket="
                + originBucket + ", originRepository=" + originRepository + ", ecrStrategy=" + ecrStrategy
                + ", ledgerBucket=" + ledgerBucket + ", environments=" + environments + "]";
    }

    /** Builds {@link AwsSettings}. Defaults are listed on each method; {@link #build()} can be called repeatedly. */
    public static final class Builder {
        private @Nullable Region region;
        private @Nullable URI endpointOverride;
        private boolean pathStyle;
        private boolean checksumsWhenRequired;
        private @Nullable RoleArn hubRole;
        private @Nullable String hubExternalId;
        private Duration sessionDuration = MAX_SESSION;
        private Duration refreshBefore = Duration.ofMinutes(5);
        private SessionScope sessionScope = SessionScope.CHAIN;
        private SessionPolicy sessionPolicy = SessionPolicy.none();
        private String inspectorPrincipal = "airlock-inspector";
        private final Map<String, EnvironmentSettings> environments = new LinkedHashMap<>();
        private @Nullable String originBucket;
        private String artifactPrefix = "airlock/artifacts";
        private long multipartCopyThreshold = 5 * Validate.GIB;
        private long copyPartSize = 256 * Validate.MIB;
        private int copyParallelism = 4;
        private @Nullable String originRepository;
        private EcrStrategy ecrStrategy = EcrStrategy.CENTRAL_REGISTRY;
        private long layerPartSize = 10 * Validate.MIB;
        private boolean verifyPullAsEnvironment = true;
        private @Nullable String ledgerBucket;
        private String ledgerPrefix = "airlock/ledger";
        private int ledgerCacheSize = 10_000;
        private ResilienceSettings resilience = ResilienceSettings.defaults();

        private Builder() {
        }

        private Builder(AwsSettings s) {
            region = s.region;
            endpointOverride = s.endpointOverride;
            pathStyle = s.pathStyle;
            checksumsWhenRequired = s.checksumsWhenRequired;
            hubRole = s.hubRole;
            hubExternalId = s.hubExternalId;
            sessionDuration = s.sessionDuration;
            refreshBefore = s.refreshBefore;
            sessionScope = s.sessionScope;
            sessionPolicy = s.sessionPolicy;
            inspectorPrincipal = s.inspectorPrincipal;
            environments.putAll(s.environments);
            originBucket = s.originBucket;
            artifactPrefix = s.artifactPrefix;
            multipartCopyThreshold = s.multipartCopyThreshold;
            copyPartSize = s.copyPartSize;
            copyParallelism = s.copyParallelism;
            originRepository = s.originRepository;
            ecrStrategy = s.ecrStrategy;
            layerPartSize = s.layerPartSize;
            verifyPullAsEnvironment = s.verifyPullAsEnvironment;
            ledgerBucket = s.ledgerBucket;
            ledgerPrefix = s.ledgerPrefix;
            ledgerCacheSize = s.ledgerCacheSize;
            resilience = s.resilience;
        }

        /** Required: the tooling account's region. */
        public Builder region(Region region) {
            this.region = region;
            return this;
        }

        /** Default none: talk to AWS. Set it to an emulator's URL, e.g. moto's {@code http://127.0.0.1:5000}. */
        public Builder endpointOverride(@Nullable URI endpointOverride) {
            this.endpointOverride = endpointOverride;
            return this;
        }

        /** Default false (virtual-hosted-style S3 addressing). */
        public Builder pathStyle(boolean pathStyle) {
            this.pathStyle = pathStyle;
            return this;
        }

        /** Default false: the SDK's default, checksums wherever an API supports them. */
        public Builder checksumsWhenRequired(boolean checksumsWhenRequired) {
            this.checksumsWhenRequired = checksumsWhenRequired;
            return this;
        }

        /**
         * Points every client at a local emulator such as moto: endpoint override, path-style S3 and
         * checksums only where required.
         */
        public Builder emulator(URI endpoint) {
            return endpointOverride(endpoint).pathStyle(true).checksumsWhenRequired(true);
        }

        /** Default none: deploy roles are assumed directly with the base credentials. */
        public Builder hubRole(@Nullable RoleArn hubRole) {
            this.hubRole = hubRole;
            return this;
        }

        /** Default none. */
        public Builder hubExternalId(@Nullable String hubExternalId) {
            this.hubExternalId = hubExternalId;
            return this;
        }

        /** Default one hour; 15 minutes to one hour, as STS allows for chained role sessions. */
        public Builder sessionDuration(Duration sessionDuration) {
            this.sessionDuration = sessionDuration;
            return this;
        }

        /** Default five minutes. */
        public Builder refreshBefore(Duration refreshBefore) {
            this.refreshBefore = refreshBefore;
            return this;
        }

        /** Default {@link SessionScope#CHAIN}. */
        public Builder sessionScope(SessionScope sessionScope) {
            this.sessionScope = sessionScope;
            return this;
        }

        /** Default {@link SessionPolicy#none()}. */
        public Builder sessionPolicy(SessionPolicy sessionPolicy) {
            this.sessionPolicy = sessionPolicy;
            return this;
        }

        /** Default {@code airlock-inspector}. */
        public Builder inspectorPrincipal(String inspectorPrincipal) {
            this.inspectorPrincipal = inspectorPrincipal;
            return this;
        }

        /** Sets (replaces) the settings of one environment. */
        public Builder environment(String name, EnvironmentSettings settings) {
            environments.put(InvalidValueException.requireNonNull("environment", name),
                    InvalidValueException.requireNonNull("environment settings", settings));
            return this;
        }

        /** Default none. */
        public Builder originBucket(@Nullable String originBucket) {
            this.originBucket = originBucket;
            return this;
        }

        /** Default {@code airlock/artifacts}. */
        public Builder artifactPrefix(String artifactPrefix) {
            this.artifactPrefix = artifactPrefix;
            return this;
        }

        /** Default 5 GiB, the CopyObject limit: the fewest requests. Lower it to copy large objects in parallel. */
        public Builder multipartCopyThreshold(long bytes) {
            this.multipartCopyThreshold = bytes;
            return this;
        }

        /** Default 256 MiB; 5 MiB to 5 GiB. */
        public Builder copyPartSize(long bytes) {
            this.copyPartSize = bytes;
            return this;
        }

        /** Default 4. */
        public Builder copyParallelism(int parts) {
            this.copyParallelism = parts;
            return this;
        }

        /** Default none. */
        public Builder originRepository(@Nullable String originRepository) {
            this.originRepository = originRepository;
            return this;
        }

        /** Default {@link EcrStrategy#CENTRAL_REGISTRY}. */
        public Builder ecrStrategy(EcrStrategy ecrStrategy) {
            this.ecrStrategy = ecrStrategy;
            return this;
        }

        /** Default 10 MiB; 5 to 10 MiB. */
        public Builder layerPartSize(long bytes) {
            this.layerPartSize = bytes;
            return this;
        }

        /** Default true. */
        public Builder verifyPullAsEnvironment(boolean verifyPullAsEnvironment) {
            this.verifyPullAsEnvironment = verifyPullAsEnvironment;
            return this;
        }

        /** Default none. */
        public Builder ledgerBucket(@Nullable String ledgerBucket) {
            this.ledgerBucket = ledgerBucket;
            return this;
        }

        /** Default {@code airlock/ledger}. */
        public Builder ledgerPrefix(String ledgerPrefix) {
            this.ledgerPrefix = ledgerPrefix;
            return this;
        }

        /** Default 10,000 entries; 0 disables the cache. */
        public Builder ledgerCacheSize(int entries) {
            this.ledgerCacheSize = entries;
            return this;
        }

        /** Default {@link ResilienceSettings#defaults()}. */
        public Builder resilience(ResilienceSettings resilience) {
            this.resilience = resilience;
            return this;
        }

        public AwsSettings build() {
            return new AwsSettings(this);
        }
    }
}
