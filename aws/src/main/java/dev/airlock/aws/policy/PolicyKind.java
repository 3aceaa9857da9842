package dev.airlock.aws.policy;

import java.util.Locale;

/**
 * What a generated document is, and so where it goes and how large AWS lets it be. IAM counts policy
 * sizes without whitespace; Organizations counts every character of an SCP, so SCPs are written compact.
 */
public enum PolicyKind {
    /** An Organizations service control policy, attached to an account or an organizational unit. */
    SCP("service control policy", 5_120),
    /** A role's trust policy (AssumeRolePolicyDocument), at AWS's default quota. */
    TRUST("role trust policy", 2_048),
    /** A customer managed policy, attached to the principals that run Airlock. */
    MANAGED("customer managed policy", 6_144),
    /** An inline role policy (PutRolePolicy); all of a role's inline policies together share the limit. */
    INLINE("inline role policy", 10_240),
    /** An S3 bucket policy. */
    BUCKET("S3 bucket policy", 20_480),
    /** An ECR repository policy. */
    REPOSITORY("ECR repository policy", 10_240),
    /** A KMS key policy. */
    KEY("KMS key policy", 32_768);

    private final String description;
    private final int limit;

    PolicyKind(String description, int limit) {
        this.description = description;
        this.limit = limit;
    }

    /** How AWS names this kind of document, such as "role trust policy". */
    public String description() {
        return description;
    }

    /** The most characters AWS accepts for one document of this kind. */
    public int limit() {
        return limit;
    }

    /** The name used in file names and JSON: {@code scp}, {@code trust}, ... */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
