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
 */
public record GateRequest(String promotionId, Digest digest, String artifact, String version, @Nullable String source,
        String target, String principal, Map<String, String> attributes, boolean breakGlass, boolean rollback) {

    public GateRequest {
        InvalidValueException.requireNonNull("promotionId", promotionId);
        InvalidValueException.requireNonNull("digest", digest);
        InvalidValueException.requireNonNull("artifact", artifact);
        InvalidValueException.requireNonNull("version", version);
        InvalidValueException.requireNonNull("target", target);
        InvalidValueException.requireNonNull("principal", principal);
        attributes = Map.copyOf(attributes);
    }
}
