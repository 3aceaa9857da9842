package dev.airlock.aws;

import dev.airlock.aws.internal.Validate;
import dev.airlock.environment.Region;
import org.jspecify.annotations.Nullable;

/**
 * What the aws backend needs to know about one environment beyond the landscape: where its artifacts
 * go in its own account and how its deploy role is assumed. Every field is optional.
 *
 * @param bucket     the S3 bucket in the environment's account that files are promoted into
 * @param repository the ECR repository in the environment's account that images are copied into
 *                   (copy strategy only); defaults to the origin repository's name
 * @param externalId the ExternalId the deploy role's trust policy requires, if any
 * @param region     the region of the bucket and registry; defaults to the environment's first region
 * @param objectLock Object Lock retention put on every object promoted into {@code bucket}, if any
 */
public record EnvironmentConfiguration(@Nullable String bucket, @Nullable String repository, @Nullable String externalId,
        @Nullable Region region, @Nullable ObjectLockRetention objectLock) {

    public EnvironmentConfiguration {
        Validate.bucket("bucket", bucket);
        Validate.repository("repository", repository);
        Validate.externalId("externalId", externalId);
    }

    /** Settings with nothing configured: defaults everywhere. */
    public static EnvironmentConfiguration defaults() {
        return new EnvironmentConfiguration(null, null, null, null, null);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().bucket(bucket).repository(repository).externalId(externalId).region(region)
                .objectLock(objectLock);
    }

    @Override
    public String toString() {
        // The external id is not a credential, but it is meant to be hard to guess: never print it.
        return "EnvironmentConfiguration[bucket=" + bucket + ", repository=" + repository + ", externalId="
                + (externalId == null ? "none" : "(set)") + ", region=" + region + ", objectLock=" + objectLock + "]";
    }

    /** Builds {@link EnvironmentConfiguration}; {@link #build()} validates and may be called repeatedly. */
    public static final class Builder {
        private @Nullable String bucket;
        private @Nullable String repository;
        private @Nullable String externalId;
        private @Nullable Region region;
        private @Nullable ObjectLockRetention objectLock;

        private Builder() {
        }

        public Builder bucket(@Nullable String bucket) {
            this.bucket = bucket;
            return this;
        }

        public Builder repository(@Nullable String repository) {
            this.repository = repository;
            return this;
        }

        public Builder externalId(@Nullable String externalId) {
            this.externalId = externalId;
            return this;
        }

        public Builder region(@Nullable Region region) {
            this.region = region;
            return this;
        }

        public Builder objectLock(@Nullable ObjectLockRetention objectLock) {
            this.objectLock = objectLock;
            return this;
        }

        public EnvironmentConfiguration build() {
            return new EnvironmentConfiguration(bucket, repository, externalId, region, objectLock);
        }
    }
}
