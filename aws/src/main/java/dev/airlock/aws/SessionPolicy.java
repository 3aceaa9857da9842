package dev.airlock.aws;

import dev.airlock.InvalidValueException;
import dev.airlock.artifact.Digest;
import dev.airlock.aws.internal.TargetPolicy;
import dev.airlock.environment.AccountId;
import dev.airlock.environment.Environment;
import dev.airlock.environment.Region;
import org.jspecify.annotations.Nullable;

/**
 * The inline session policy sent with AssumeRole into an environment's deploy role. A session policy
 * can only narrow what the role allows, never widen it, so a promotion session can touch nothing but
 * the resources that promotion needs even when the deploy role is broader. AWS accepts at most 2,048
 * characters; longer policies are refused before any request is sent.
 */
@FunctionalInterface
public interface SessionPolicy {

    /** The policy document (JSON) for a session into {@code targets.environment()}, or null for none. */
    @Nullable String policyFor(Targets targets);

    /** No session policy: the session gets the deploy role's permissions. */
    static SessionPolicy none() {
        return None.INSTANCE;
    }

    /**
     * The default: allows exactly the calls the S3 and ECR stores make, on exactly the promoted
     * digest's object key ({@code <prefix>/sha256/<hex>}) in the origin and target buckets and on the
     * origin and target repositories. ECR supports resource-level permissions on repositories only and
     * has no condition key for an image digest, so the ECR statements name repositories. The sessions
     * the stores open to inspect whether a bucket or repository is immutable get only the reads that
     * inspection makes; a session opened with no digest in its context gets every digest under the
     * prefix, as {@link #narrowedToTargets()}. If a bucket uses SSE-KMS with a customer managed key, write
     * your own policy that also allows the key.
     */
    static SessionPolicy narrowed() {
        return Narrowed.INSTANCE;
    }

    /**
     * Allows exactly the calls the S3 and ECR stores make, on exactly the configured buckets, key
     * prefix (every digest under it) and repositories, whatever the session's digest; wider than
     * {@link #narrowed()}, which is the default. If a bucket uses SSE-KMS with a customer managed key, write your own
     * policy that also allows the key.
     */
    static SessionPolicy narrowedToTargets() {
        return TargetPolicy::render;
    }

    /**
     * The resources a promotion into one environment touches, from the settings.
     *
     * @param environment      the environment the session is for
     * @param tooling          the tooling account holding the origin bucket and registry
     * @param toolingRegion    the region of the origin bucket and registry
     * @param region           the region of the environment's bucket and repository
     * @param originBucket     the origin bucket, if the S3 store is configured
     * @param bucket           the environment's bucket, if configured
     * @param artifactPrefix   the key prefix of artifacts in both buckets
     * @param originRepository the origin repository, if the ECR store is configured
     * @param repository       the environment's repository (copy strategy), if any
     * @param ecrStrategy      how images reach the environment
     * @param objectLock       whether copies carry Object Lock retention
     * @param digest           the artifact the session is for, or null for a session that only inspects
     */
    record Targets(Environment environment, AccountId tooling, Region toolingRegion, Region region,
            @Nullable String originBucket, @Nullable String bucket, String artifactPrefix,
            @Nullable String originRepository, @Nullable String repository, EcrStrategy ecrStrategy,
            boolean objectLock, @Nullable Digest digest) {
        public Targets {
            InvalidValueException.requireNonNull("environment", environment);
            InvalidValueException.requireNonNull("tooling", tooling);
            InvalidValueException.requireNonNull("toolingRegion", toolingRegion);
            InvalidValueException.requireNonNull("region", region);
            InvalidValueException.requireNonNull("artifactPrefix", artifactPrefix);
            InvalidValueException.requireNonNull("ecrStrategy", ecrStrategy);
        }

        /** The same resources for no particular digest, as before sessions carried one. */
        public Targets(Environment environment, AccountId tooling, Region toolingRegion, Region region,
                @Nullable String originBucket, @Nullable String bucket, String artifactPrefix,
                @Nullable String originRepository, @Nullable String repository, EcrStrategy ecrStrategy,
                boolean objectLock) {
            this(environment, tooling, toolingRegion, region, originBucket, bucket, artifactPrefix, originRepository,
                    repository, ecrStrategy, objectLock, null);
        }

        /** These resources for {@code digest} (null: for inspection only). */
        public Targets withDigest(@Nullable Digest digest) {
            return new Targets(environment, tooling, toolingRegion, region, originBucket, bucket, artifactPrefix,
                    originRepository, repository, ecrStrategy, objectLock, digest);
        }

        /** The partition ({@code aws}, {@code aws-cn}, {@code aws-us-gov}) of the environment's deploy role. */
        public String partition() {
            return environment.deployRole().partition();
        }
    }

    /** {@link #none()}, named so configurations and logs can say which policy is in force. */
    enum None implements SessionPolicy {
        INSTANCE;

        @Override
        public @Nullable String policyFor(Targets targets) {
            return null;
        }

        @Override
        public String toString() {
            return "none";
        }
    }

    /** {@link #narrowed()}, named so configurations and logs can say which policy is in force. */
    enum Narrowed implements SessionPolicy {
        INSTANCE;

        @Override
        public @Nullable String policyFor(Targets targets) {
            return TargetPolicy.renderNarrowed(targets);
        }

        @Override
        public String toString() {
            return "narrowed";
        }
    }
}
