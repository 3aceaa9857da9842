package dev.airlock.testkit.aws.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The identity behind a request: an account root, an IAM user, or a role session. Role sessions carry
 * what STS attached to them (source identity, tags, session policy, expiry).
 *
 * @param account the account the identity acts in
 * @param arn the principal ARN, such as {@code arn:aws:sts::222222222222:assumed-role/deploy/s1}
 * @param userId what GetCallerIdentity reports as UserId
 * @param session the role session, or null for roots and users
 */
public record Caller(String account, String arn, String userId, @Nullable Session session) {

    /** Whether this is an account's root user, which AWS forbids to assume roles. */
    public boolean isRoot() {
        return arn.endsWith(":root");
    }

    /** The source identity of the session, if any. */
    public @Nullable String sourceIdentity() {
        return session == null ? null : session.sourceIdentity();
    }

    /**
     * What STS attached to a role session.
     *
     * @param roleArn the assumed role's ARN
     * @param name the role session name
     * @param sourceIdentity set once, then inherited down the chain
     * @param tags session tags by key (keys compared case-insensitively by STS)
     * @param transitiveTagKeys lower-cased keys of the tags that pass on to chained sessions
     * @param policy the session policy narrowing the role's permissions, or null
     * @param expiration when the credentials stop working
     */
    public record Session(
            String roleArn,
            String name,
            @Nullable String sourceIdentity,
            Map<String, String> tags,
            Set<String> transitiveTagKeys,
            @Nullable Policy policy,
            Instant expiration) {

        public Session {
            tags = Map.copyOf(tags);
            transitiveTagKeys = Set.copyOf(transitiveTagKeys);
        }
    }
}
