package dev.airlock.testkit.aws;

import dev.airlock.InvalidValueException;
import dev.airlock.environment.RoleArn;
import dev.airlock.testkit.aws.internal.Policy;
import dev.airlock.testkit.aws.internal.PolicyException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * An IAM role in the in-memory world: its ARN, its trust policy, the longest session it allows, and
 * optionally a permissions policy.
 *
 * <p>Without a permissions policy the role may do anything in its own account and anything another
 * account's resource policy grants it. With one, the role's sessions may only do what the policy allows
 * (an IAM policy document: Effect, Action, Resource; explicit Deny wins).
 *
 * @param arn the role's ARN
 * @param trust who may assume it
 * @param maxSessionDuration the role's MaxSessionDuration, 1 to 12 hours (AWS's default is 1 hour)
 * @param permissionsPolicy the role's permissions as an IAM policy document, or null for "anything"
 * @param trustDocument the trust policy as an IAM JSON document (Principal, Action, Condition on
 *     {@code sts:ExternalId}, {@code sts:SourceIdentity}, {@code aws:PrincipalArn}, {@code aws:PrincipalOrgID},
 *     {@code aws:RequestTag/...}), evaluated in place of {@code trust} when given; {@code trust} then lists
 *     the document's principals
 */
public record IamRole(RoleArn arn, TrustPolicy trust, Duration maxSessionDuration, @Nullable String permissionsPolicy,
        @Nullable String trustDocument) {
    /** The name IAM reads a role's permissions policy under: its one inline policy, as Airlock's generated setup names it. */
    public static final String INLINE_POLICY_NAME = "airlock";
    private static final Duration ONE_HOUR = Duration.ofHours(1);
    private static final Duration TWELVE_HOURS = Duration.ofHours(12);

    public IamRole {
        InvalidValueException.requireNonNull("arn", arn);
        InvalidValueException.requireNonNull("trust", trust);
        InvalidValueException.requireNonNull("maxSessionDuration", maxSessionDuration);
        if (maxSessionDuration.compareTo(ONE_HOUR) < 0 || maxSessionDuration.compareTo(TWELVE_HOURS) > 0
                || maxSessionDuration.toNanos() % 1_000_000_000L != 0) {
            throw new InvalidValueException("maxSessionDuration", maxSessionDuration,
                    "must be whole seconds between 1 hour and 12 hours");
        }
        if (permissionsPolicy != null) {
            try {
                Policy.parse(permissionsPolicy, Policy.Kind.IDENTITY);
            } catch (PolicyException e) {
                throw new InvalidValueException("permissionsPolicy", arn, "is not a valid IAM policy: " + e.getMessage());
            }
        }
        if (trustDocument != null) {
            try {
                Policy.parse(trustDocument, Policy.Kind.TRUST);
            } catch (PolicyException e) {
                throw new InvalidValueException("trustDocument", arn, "is not a valid trust policy: " + e.getMessage());
            }
        }
    }

    /** A role whose trust is {@code trust} alone. */
    public IamRole(RoleArn arn, TrustPolicy trust, Duration maxSessionDuration, @Nullable String permissionsPolicy) {
        this(arn, trust, maxSessionDuration, permissionsPolicy, null);
    }

    /** A role with this trust policy, a one-hour maximum session and no permissions policy. */
    public static IamRole of(String arn, TrustPolicy trust) {
        return builder(arn).trust(trust).build();
    }

    /** Starts a role with this ARN, such as {@code arn:aws:iam::222222222222:role/deploy}. */
    public static Builder builder(String arn) {
        return new Builder(RoleArn.parse(arn));
    }

    /** The role's name, the last part of its ARN. */
    public String name() {
        return arn.name();
    }

    /** The account the role belongs to. */
    public String account() {
        return arn.account().value();
    }

    /** Builds an {@link IamRole}; {@link #build()} copies, so a builder can be reused. */
    public static final class Builder {
        private final RoleArn arn;
        private @Nullable TrustPolicy trust;
        private Duration maxSessionDuration = ONE_HOUR;
        private @Nullable String permissionsPolicy;
        private @Nullable String trustDocument;

        private Builder(RoleArn arn) {
            this.arn = arn;
        }

        /** Who may assume the role. Required. */
        public Builder trust(TrustPolicy trust) {
            this.trust = trust;
            return this;
        }

        /** The role's MaxSessionDuration (1 to 12 hours; default 1 hour). */
        public Builder maxSessionDuration(Duration maxSessionDuration) {
            this.maxSessionDuration = maxSessionDuration;
            return this;
        }

        /** Limits the role to what this IAM policy document allows. */
        public Builder permissionsPolicy(String policyJson) {
            this.permissionsPolicy = policyJson;
            return this;
        }

        /**
         * Who may assume the role, as an IAM trust policy document evaluated with its conditions (as
         * {@code aws iam create-role --assume-role-policy-document} takes it); replaces {@link #trust}.
         */
        public Builder trustDocument(String json) {
            Policy policy;
            try {
                policy = Policy.parse(InvalidValueException.requireNonNull("trustDocument", json), Policy.Kind.TRUST);
            } catch (PolicyException e) {
                throw new InvalidValueException("trustDocument", arn, "is not a valid trust policy: " + e.getMessage());
            }
            this.trustDocument = json;
            this.trust = new TrustPolicy(java.util.Set.copyOf(policy.principals()), null, true, true);
            return this;
        }

        /** The role; fails naming the field when something is missing or out of range. */
        public IamRole build() {
            return new IamRole(arn, InvalidValueException.requireNonNull("trust", trust), maxSessionDuration,
                    permissionsPolicy, trustDocument);
        }
    }
}
