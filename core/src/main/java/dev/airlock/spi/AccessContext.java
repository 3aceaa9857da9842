package dev.airlock.spi;

import dev.airlock.InvalidValueException;

/** Who opens access and why: the promotion (session name) and the principal (source identity). */
public record AccessContext(String promotionId, String principal) {
    public AccessContext {
        InvalidValueException.requireNonNull("promotionId", promotionId);
        InvalidValueException.requireNonNull("principal", principal);
    }
}
