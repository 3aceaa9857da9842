package dev.airlock.testkit.aws;

import dev.airlock.InvalidValueException;
import dev.airlock.testkit.aws.internal.Principals;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Who may assume a role, and on what terms: the trust policy of an {@link IamRole}.
 *
 * <p>Principals are written as in IAM: an account id or its root ARN ({@code 111111111111},
 * {@code arn:aws:iam::111111111111:root}) trusts every identity of that account; a role ARN trusts
 * every session of that role; a user ARN or an assumed-role session ARN
 * ({@code arn:aws:sts::111111111111:assumed-role/hub/build-42}) trusts exactly that identity. Trust is
 * checked across accounts, as AWS does.
 *
 * @param principals the trusted principals, normalized to ARNs
 * @param externalId the {@code sts:ExternalId} the caller must pass, or null when none is required
 * @param allowsSourceIdentity whether the trust statement allows {@code sts:SetSourceIdentity}; needed to
 *     set a source identity and to carry one set earlier in the chain into this role
 * @param allowsSessionTags whether the trust statement allows {@code sts:TagSession}; needed to pass
 *     session tags or to inherit transitive ones
 */
public record TrustPolicy(
        Set<String> principals,
        @Nullable String externalId,
        boolean allowsSourceIdentity,
        boolean allowsSessionTags) {
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");

    public TrustPolicy {
        InvalidValueException.requireNonNull("principals", principals);
        if (principals.isEmpty()) {
            throw new InvalidValueException("principals", principals, "must name at least one trusted principal");
        }
        Set<String> normalized = new LinkedHashSet<>();
        for (String principal : principals) {
            String canonical = Principals.normalize(InvalidValueException.requireNonNull("principal", principal));
            if (canonical == null) {
                throw new InvalidValueException("principal", principal,
                        "must be *, an account id, or an IAM root, user, role or assumed-role ARN");
            }
            normalized.add(canonical);
        }
        principals = Set.copyOf(normalized);
        if (externalId != null && !EXTERNAL_ID.matcher(externalId).matches()) {
            // An external id is a shared secret: say how long it is, never what it is.
            throw new InvalidValueException("externalId", "<" + externalId.length() + " characters>",
                    "must be 2-1224 characters of letters, digits and +=,.@:/-");
        }
    }

    /** A trust policy that lets these principals call {@code sts:AssumeRole} and nothing more. */
    public static TrustPolicy trusting(String... principals) {
        return builder().trust(principals).build();
    }

    /** Starts an empty trust policy. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link TrustPolicy}; {@link #build()} copies, so a builder can be reused. */
    public static final class Builder {
        private final Set<String> principals = new LinkedHashSet<>();
        private @Nullable String externalId;
        private boolean sourceIdentity;
        private boolean sessionTags;

        private Builder() {
        }

        /** Trusts these principals (account ids, root, user, role or assumed-role ARNs). */
        public Builder trust(String... principals) {
            for (String principal : principals) {
                this.principals.add(principal);
            }
            return this;
        }

        /** Requires the caller to pass this {@code ExternalId} (the {@code sts:ExternalId} condition). */
        public Builder externalId(String externalId) {
            this.externalId = externalId;
            return this;
        }

        /** Allows {@code sts:SetSourceIdentity}. */
        public Builder allowSourceIdentity() {
            this.sourceIdentity = true;
            return this;
        }

        /** Allows {@code sts:TagSession}. */
        public Builder allowSessionTags() {
            this.sessionTags = true;
            return this;
        }

        /** The trust policy; fails naming the field when a principal or the external id is malformed. */
        public TrustPolicy build() {
            return new TrustPolicy(principals, externalId, sourceIdentity, sessionTags);
        }
    }
}
