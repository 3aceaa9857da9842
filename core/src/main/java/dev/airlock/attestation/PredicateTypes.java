package dev.airlock.attestation;

/** The predicate types of the statements Airlock signs, one per kind of claim about a digest. */
public final class PredicateTypes {
    /** A person approves promoting the digest into an environment, under a policy version. */
    public static final String APPROVAL = "https://airlock.dev/attestation/approval/v1";
    /** Deploy tooling found the digest healthy in an environment. */
    public static final String VERIFICATION = "https://airlock.dev/attestation/verification/v1";
    /** A builder built the digest from a source revision: SLSA provenance v1. */
    public static final String PROVENANCE = "https://slsa.dev/provenance/v1";
    /** A person asks to bypass the bypassable guardrails into an environment, and says why. */
    public static final String BREAK_GLASS = "https://airlock.dev/attestation/break-glass/v1";
    /** The SLSA build type of Airlock registrations. */
    public static final String BUILD_TYPE = "https://airlock.dev/build/v1";

    private PredicateTypes() {
    }
}
