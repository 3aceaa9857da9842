package dev.airlock.promotion;

import java.time.Instant;

/** The target environment's lease is held by another promotion; one promotion per environment at a time. */
public class LeaseHeldException extends PromotionConflictException {
    private static final long serialVersionUID = 1L;

    private final String environment;
    private final String holder;
    private final Instant expiresAt;

    public LeaseHeldException(String environment, String holder, Instant expiresAt) {
        super("environment '" + environment + "' is being promoted by " + holder + " (lease until " + expiresAt
                + "); wait for it to finish, or resume/abort it if its promoter crashed");
        this.environment = environment;
        this.holder = holder;
        this.expiresAt = expiresAt;
    }

    public String environment() {
        return environment;
    }

    /** The promotion id holding the lease. */
    public String holder() {
        return holder;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
