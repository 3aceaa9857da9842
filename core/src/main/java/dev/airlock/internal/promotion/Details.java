package dev.airlock.internal.promotion;

/** The detail keys the engine writes into ledger entries; the ledger's vocabulary. */
public final class Details {
    public static final String NAME = "name";
    public static final String VERSION = "version";
    public static final String KIND = "kind";
    public static final String SIZE = "size";
    public static final String MEDIA_TYPE = "mediaType";
    public static final String SOURCE_REPOSITORY = "sourceRepository";
    public static final String REVISION = "revision";
    public static final String BUILD_ID = "buildId";
    public static final String BUILDER = "builder";
    public static final String BUILT_AT = "builtAt";

    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    public static final String SOURCE = "source";
    public static final String OUTCOME = "outcome";
    public static final String DECIDED_BY = "decidedBy";
    public static final String BREAK_GLASS = "breakGlass";
    public static final String JUSTIFICATION = "justification";
    public static final String ROLLBACK = "rollback";
    public static final String POLICY_VERSION = "policyVersion";
    public static final String TOKEN = "token";
    public static final String EXPIRES_AT = "expiresAt";
    public static final String PREVIOUS_DIGEST = "previousDigest";
    public static final String BYTES_COPIED = "bytesCopied";
    public static final String ALREADY_PRESENT = "alreadyPresent";
    public static final String STEP = "step";
    public static final String CAUSE = "cause";
    public static final String REASON = "reason";
    /** What a gate answered, in a DECIDED entry: {@code gate.NAME} = {@code approved: comment}. */
    public static final String GATE_PREFIX = "gate.";
    /** {@code true} in a DECIDED entry denied by an engaged stop switch. */
    public static final String STOP_SWITCH = "stopSwitch";
    /**
     * In a pending DECIDED entry, one per unmet requirement in decision order ({@code unmet.1}, {@code unmet.2}...):
     * a JSON object with {@code statement}, {@code level}, {@code kind}, {@code missing}, {@code approverGroups}
     * and {@code approvers}, so events tell what is missing and who may approve without parsing prose.
     */
    public static final String UNMET_PREFIX = "unmet.";
    /** In a pending DECIDED entry: the people groups (comma-separated; {@code *} for anyone) whose approvals count. */
    public static final String APPROVERS = "approvers";
    /** A request attribute, in a DECIDED entry: {@code attribute.NAME} = its value. */
    public static final String ATTRIBUTE_PREFIX = "attribute.";

    /** How the actor was identified: {@code aws-sts}, {@code os-user}. */
    public static final String AUTHENTICATED_BY = "authenticatedBy";
    /** What that method saw: the caller's ARN, the OS user name. */
    public static final String CALLER = "caller";
    /** {@code true} on entries written where the configuration declares identities unauthenticated. */
    public static final String UNAUTHENTICATED = "unauthenticated";

    /** The DSSE envelope (JSON) of the signed statement behind an approval, verification, registration or break-glass. */
    public static final String ATTESTATION = "attestation";

    private Details() {
    }
}
