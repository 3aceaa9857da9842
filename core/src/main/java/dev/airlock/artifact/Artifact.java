package dev.airlock.artifact;

import dev.airlock.InvalidValueException;
import java.util.regex.Pattern;

/**
 * A registered artifact. Identity is {@link #digest()}; {@link #name()} and {@link #version()} are
 * labels, but one (name, version) pair may only ever name one digest.
 */
public record Artifact(String name, String version, ArtifactKind kind, Digest digest, long size, String mediaType,
        Provenance provenance) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._/-]{0,127}");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,127}");

    public Artifact {
        InvalidValueException.requireNonNull("name", name);
        if (!NAME.matcher(name).matches()) {
            throw new InvalidValueException("name", name,
                    "must be 1-128 characters of lowercase letters, digits and ._/- starting with a letter or digit");
        }
        InvalidValueException.requireNonNull("version", version);
        if (!VERSION.matcher(version).matches()) {
            throw new InvalidValueException("version", version,
                    "must be 1-128 characters of letters, digits and ._+- starting with a letter or digit");
        }
        InvalidValueException.requireNonNull("kind", kind);
        InvalidValueException.requireNonNull("digest", digest);
        if (size < 0) {
            throw new InvalidValueException("size", size, "must not be negative");
        }
        InvalidValueException.requireNonNull("mediaType", mediaType);
        InvalidValueException.requireNonNull("provenance", provenance);
    }

    /** {@code name:version@sha256:0123456789ab}, for people. */
    public String label() {
        return name + ":" + version + "@" + digest.shortForm();
    }
}
