package dev.airlock.aws;

import dev.airlock.InvalidValueException;
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
        return targets -> null;
    }

    /**
     * Allows exactly the calls the S3 and ECR stores make, on exactly the configured buckets, key
     * prefix and repositories. If a bucket uses SSE-KMS with a customer managed key, write your own
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
     */
    record Targets(Environment environment, AccountId tooling, Region toolingRegion, Region region,
            @Nullable String originBucket, @Nullable String bucket, String artifactPrefix,
            @Nullable String originRepository, @Nullable String repository, EcrStrategy ecrStrategy,
            boolean objectLock) {
        public Targets {
            InvalidValueException.requireNonNull("environment", environment);
            InvalidValueException.requireNonNull("tooling", tooling);
            InvalidValueException.requireNonNull("toolingRegion", toolingRegion);
            InvalidValueException.requireNonNull("region", region);
            InvalidValueException.requireNonNull("artifactPrefix", artifactPrefix);
            InvalidValueException.requireNonNull("ecrStrategy", ecrStrategy);
        }

        /** The partition ({@code aws}, {@code aws-cn}, {@code aws-us-gov}) of the environment's deploy role. */
        public String partition() {
            return environment.deployRole().partition();
        }
    }
}
