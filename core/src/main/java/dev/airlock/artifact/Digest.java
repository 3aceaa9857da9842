package dev.airlock.artifact;

import dev.airlock.InvalidValueException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identity of an artifact: {@code sha256:} followed by 64 lowercase hex digits. Names, versions
 * and tags are labels; the digest is what gets promoted.
 */
public record Digest(String value) implements Comparable<Digest> {
    private static final String PREFIX = "sha256:";
    private static final int LENGTH = PREFIX.length() + 64;
    /** Cloned for each computation: far cheaper than a provider look-up through MessageDigest.getInstance. */
    private static final MessageDigest PROTOTYPE = newSha256();

    public Digest {
        InvalidValueException.requireNonNull("digest", value);
        if (!isSha256(value)) {
            throw new InvalidValueException("digest", value, "must be 'sha256:' followed by 64 lowercase hex digits");
        }
    }

    public static Digest parse(String value) {
        return new Digest(value);
    }

    /** Builds a digest from 64 lowercase hex digits, without the {@code sha256:} prefix. */
    public static Digest ofHex(String hex) {
        return new Digest(PREFIX + hex);
    }

    /** The SHA-256 of {@code bytes}. */
    public static Digest of(byte[] bytes) {
        return fromRaw(sha256().digest(bytes));
    }

    /** The SHA-256 of everything {@code in} yields, read in chunks; the stream is not closed. */
    public static Digest of(InputStream in) {
        MessageDigest sha = sha256();
        byte[] buffer = new byte[64 * 1024];
        try {
            for (int n; (n = in.read(buffer)) != -1; ) {
                sha.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the stream to digest", e);
        }
        return fromRaw(sha.digest());
    }

    /** Wraps the raw 32-byte output of a SHA-256 computation. */
    public static Digest fromRaw(byte[] sha256) {
        if (sha256.length != 32) {
            throw new InvalidValueException("digest", sha256.length + " bytes", "must be exactly 32 bytes of SHA-256");
        }
        return new Digest(PREFIX + HexFormat.of().formatHex(sha256));
    }

    /** The 64 hex digits, without the algorithm prefix. */
    public String hex() {
        return value.substring(PREFIX.length());
    }

    /** The raw 32 bytes, for APIs that want base64 or binary checksums. */
    public byte[] raw() {
        return HexFormat.of().parseHex(hex());
    }

    /** A short form for people: {@code sha256:0123456789ab}. */
    public String shortForm() {
        return value.substring(0, PREFIX.length() + 12);
    }

    /** A new SHA-256 message digest; every JVM is required to have one. */
    public static MessageDigest sha256() {
        try {
            return (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            return newSha256();
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256, which the Java platform requires", e);
        }
    }

    /**
     * {@code sha256:} and 64 lowercase hex digits. A loop rather than a regular expression: every
     * ledger entry's hash passes through here, several times per promotion.
     */
    private static boolean isSha256(String value) {
        if (value.length() != LENGTH || !value.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < LENGTH; i++) {
            char c = value.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int compareTo(Digest other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
