package dev.airlock.spi;

import dev.airlock.AirlockException;
import dev.airlock.artifact.Digest;

/** A store does not hold the artifact where it was expected. */
public class ArtifactNotFoundException extends AirlockException {
    private static final long serialVersionUID = 1L;

    private final transient Digest digest;
    private final transient Place place;

    public ArtifactNotFoundException(Digest digest, Place place) {
        super("artifact " + digest + " is not in " + place);
        this.digest = digest;
        this.place = place;
    }

    public Digest digest() {
        return digest;
    }

    public Place place() {
        return place;
    }
}
