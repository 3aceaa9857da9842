package dev.airlock.artifact;

import dev.airlock.InvalidValueException;

/** What an artifact is, which decides the store that carries it. */
public enum ArtifactKind {
    CONTAINER_IMAGE("container-image"),
    FILE("file");

    private final String configName;

    ArtifactKind(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static ArtifactKind parse(String name) {
        for (ArtifactKind kind : values()) {
            if (kind.configName.equals(name)) {
                return kind;
            }
        }
        throw new InvalidValueException("kind", name, "must be one of container-image, file");
    }
}
