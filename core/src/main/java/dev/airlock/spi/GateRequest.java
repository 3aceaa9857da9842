package dev.airlock.spi;

import dev.airlock.InvalidValueException;
import dev.airlock.artifact.Digest;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The promotion a gate is asked about.
 *
 * @param promotionId the promotion's id (a fresh id for a plan, which records nothing)
 * @param digest      the artifact's digest
 * @param artifact    the artifact's name
 * @param version     the artifact's version
 * @param source      the stage it comes from, or null for an entry stage
 * @param target      the environment it goes to
 * @param principal   who asks
 * @param attributes  the request's named attributes (change ticket and such)
 * @param breakGlass  whether it is an emergency request
 * @param rollback    whether it is a rollback
 * @param plan        whether the engine only asks what would happen ({@code plan}, {@code pending}): nothing is
 *                    promoted or recorded on this answer, so a gate should not act on it (open a change, page
 *                    someone) and may answer from what it knows
 */
public record GateRequest(String promotionId, Digest digest, String artifact, String version, @Nullable String source,
        String target, String principal, Map<String, String> attributes, boolean breakGlass, boolean rollback,
        boolean plan) {

    public GateRequest {
        InvalidValueException.requireNonNull("promotionId", promotionId);
        InvalidValueException.requireNonNull("digest", digest);
        InvalidValueException.requireNonNull("artifact", artifact);
        InvalidValueException.requireNonNull("version", version);
        InvalidValueException.requireNonNull("target", target);
        InvalidValueException.requireNonNull("principal", principal);
        attributes = Map.copyOf(attributes);
    }

    /** A request for a promotion that is going ahead (not a plan). */
    public GateRequest(String promotionId, Digest digest, String artifact, String version, @Nullable String source,
            String target, String principal, Map<String, String> attributes, boolean breakGlass, boolean rollback) {
        this(promotionId, digest, artifact, version, source, target, principal, attributes, breakGlass, rollback,
                false);
    }
}
