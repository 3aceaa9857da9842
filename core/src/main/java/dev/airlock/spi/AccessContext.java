package dev.airlock.spi;

import dev.airlock.InvalidValueException;
import dev.airlock.artifact.Digest;
import org.jspecify.annotations.Nullable;

/**
 * Who opens access and why: the promotion (session name), the principal (source identity) and the
 * artifact the promotion moves, so a backend can narrow the session to that one digest.
 *
 * @param digest the artifact the session is for, or null for a session that only inspects an
 *               environment (backends may then allow reads only)
 */
public record AccessContext(String promotionId, String principal, @Nullable Digest digest) {
    public AccessContext {
        InvalidValueException.requireNonNull("promotionId", promotionId);
        InvalidValueException.requireNonNull("principal", principal);
    }

    /** A context for no particular artifact: a session that only inspects an environment. */
    public AccessContext(String promotionId, String principal) {
        this(promotionId, principal, null);
    }
}
