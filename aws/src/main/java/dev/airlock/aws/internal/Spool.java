package dev.airlock.aws.internal;

import dev.airlock.artifact.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import org.jspecify.annotations.Nullable;

/**
 * Content written to a temporary file while it is hashed: S3 needs the SHA-256 before the upload
 * starts (it is the key and the checksum header), and the stream can be read only once.
 */
public final class Spool implements AutoCloseable {
    private final Path path;
    private final Digest digest;
    private final long size;

    private Spool(Path path, Digest digest, long size) {
        this.path = path;
        this.digest = digest;
        this.size = size;
    }

    /** Reads {@code content} to its end (without closing it) into a new temporary file. */
    public static Spool of(InputStream content) {
        @Nullable Path path = null;
        try {
            path = Files.createTempFile("airlock-upload-", ".bin");
            MessageDigest sha = Digest.sha256();
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(path), sha)) {
                size = content.transferTo(out);
            }
            return new Spool(path, Digest.fromRaw(sha.digest()), size);
        } catch (IOException e) {
            delete(path);
            throw new UncheckedIOException("could not spool the upload to a temporary file", e);
        }
    }

    public Path path() {
        return path;
    }

    public Digest digest() {
        return digest;
    }

    public long size() {
        return size;
    }

    @Override
    public void close() {
        delete(path);
    }

    private static void delete(@Nullable Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // A leftover file in the temporary directory is harmless and cleaned up by the OS.
        }
    }
}
