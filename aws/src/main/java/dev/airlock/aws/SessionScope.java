package dev.airlock.aws;

/**
 * What one set of assumed-role credentials is shared by. Either way credentials are cached and
 * refreshed before they expire, and never shared between principals (the SourceIdentity of a role
 * session cannot change) or between different session policies.
 */
public enum SessionScope {
    /**
     * One role session per chain (hub role, deploy role, external id, principal, session policy):
     * at most one AssumeRole per hop per credential lifetime, however many promotions run. The
     * RoleSessionName and the promotion tag name the promotion that caused the AssumeRole; every
     * request additionally names its own promotion in the User-Agent, which CloudTrail records.
     */
    CHAIN,
    /**
     * One role session per promotion: every request of a promotion runs under a session named after
     * it. Costs one AssumeRole per hop per promotion.
     */
    PROMOTION
}
