package dev.airlock.spi;

import dev.airlock.AirlockException;
import dev.airlock.artifact.Digest;
import org.jspecify.annotations.Nullable;

/** The bytes at a place do not hash to the digest they were stored under: corrupt or tampered. */
public class DigestMismatchException extends AirlockException {
    private static final long serialVersionUID = 1L;

    private final transient Digest expected;
    private final transient @Nullable Digest actual;
    private final transient Place place;

    public DigestMismatchException(Digest expected, @Nullable Digest actual, Place place) {
        super("verification failed at " + place + ": expected " + expected + " but the stored bytes hash to "
                + (actual == null ? "nothing (missing)" : actual.toString()));
        this.expected = expected;
        this.actual = actual;
        this.place = place;
    }

    public Digest expected() {
        return expected;
    }

    public @Nullable Digest actual() {
        return actual;
    }

    public Place place() {
        return place;
    }
}
