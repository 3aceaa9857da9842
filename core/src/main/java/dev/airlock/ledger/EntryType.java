package dev.airlock.ledger;

/** What a ledger entry records. */
public enum EntryType {
    /** An artifact was registered (built once). */
    REGISTERED,
    /** A promotion was asked for and the guardrails decided; details carry the request and the outcome. */
    DECIDED,
    /** A person approved a digest for an environment. */
    APPROVED,
    /** A promotion took the target environment's lease; details carry the fencing token and expiry. */
    LEASED,
    /** The artifact's bytes are in the target and their digest was verified there. */
    TRANSFERRED,
    /** The environment now runs the digest: its current-digest pointer moved. */
    PROMOTED,
    /** A rollback moved the environment back to an earlier verified digest. */
    ROLLED_BACK,
    /** Deploy tooling reported the digest healthy in the environment; soak time counts from here. */
    VERIFIED,
    /** A promotion failed; details carry the step and the cause. */
    FAILED,
    /** An interrupted promotion was abandoned by an operator. */
    ABORTED,
    /** A promotion released the target environment's lease. */
    RELEASED,
    /** A pending request was withdrawn by its initiator or an owner: nothing may promote it any more. */
    WITHDRAWN
}
