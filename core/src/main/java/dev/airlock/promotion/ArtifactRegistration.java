package dev.airlock.promotion;

import dev.airlock.InvalidValueException;
import dev.airlock.artifact.ArtifactKind;
import dev.airlock.artifact.Provenance;

/** What is known about built bytes when they are registered: their labels and their provenance. */
public record ArtifactRegistration(String name, String version, ArtifactKind kind, String mediaType,
        Provenance provenance) {
    public ArtifactRegistration {
        InvalidValueException.requireNonNull("name", name);
        InvalidValueException.requireNonNull("version", version);
        InvalidValueException.requireNonNull("kind", kind);
        InvalidValueException.requireNonNull("mediaType", mediaType);
        InvalidValueException.requireNonNull("provenance", provenance);
    }
}
