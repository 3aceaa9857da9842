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
        this(expected, actual, place, "the stored bytes hash to "
                + (actual == null ? "nothing (missing)" : actual.toString()));
    }

    /**
     * The stored bytes are known to differ without their digest being known, e.g. from a checksum of their
     * parts; {@code found} says what was found instead, completing "expected D but ...".
     */
    public DigestMismatchException(Digest expected, Place place, String found) {
        this(expected, null, place, found);
    }

    private DigestMismatchException(Digest expected, @Nullable Digest actual, Place place, String found) {
        super("verification failed at " + place + ": expected " + expected + " but " + found);
        this.expected = expected;
        this.actual = actual;
        this.place = place;
    }

    public Digest expected() {
        return expected;
    }

    /** The digest of the stored bytes, or null when they are missing or only known to differ. */
    public @Nullable Digest actual() {
        return actual;
    }

    public Place place() {
        return place;
    }
}
