package dev.airlock.artifact;

import dev.airlock.InvalidValueException;
import java.time.Instant;

/**
 * Where an artifact came from: the source repository and revision, the build that produced it, who
 * (which build identity) ran that build, and when.
 */
public record Provenance(String sourceRepository, String revision, String buildId, String builder, Instant builtAt) {
    public Provenance {
        requireText("sourceRepository", sourceRepository);
        requireText("revision", revision);
        requireText("buildId", buildId);
        requireText("builder", builder);
        InvalidValueException.requireNonNull("builtAt", builtAt);
    }

    private static void requireText(String field, String value) {
        InvalidValueException.requireNonNull(field, value);
        if (value.isBlank()) {
            throw new InvalidValueException(field, value, "must not be blank");
        }
    }
}
