package dev.airlock.local;

import dev.airlock.InvalidValueException;
import dev.airlock.artifact.Digest;
import dev.airlock.environment.AccountId;
import dev.airlock.environment.Environment;
import dev.airlock.spi.AccessDeniedException;
import dev.airlock.spi.AccessSession;
import dev.airlock.spi.ArtifactNotFoundException;
import dev.airlock.spi.ArtifactStore;
import dev.airlock.spi.DigestMismatchException;
import dev.airlock.spi.Place;
import dev.airlock.spi.TransferProgress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.function.Consumer;

/**
 * Content-addressed files, one directory per place: {@code origin/sha256/<hex>} for the origin and
 * {@code environments/<name>/sha256/<hex>} for each environment, under one root.
 *
 * <p>Bytes are written to a temporary file beside the target directory, hashed while they are
 * written, forced to disk, then published under their digest with an operation that fails rather
 * than replace an existing file (a hard link; an atomic rename where links are unsupported). So a
 * {@code sha256/} directory only ever holds complete files, a crash leaves at most an orphaned
 * temporary file (removed when a store next opens on the root, or transfers into that place, once no
 * writer holds it), and an existing artifact is never overwritten, even by identical bytes. Published
 * files are made read-only. {@link #verify} re-hashes the stored file every time.
 *
 * <p>Sessions are scoped: an environment's place can only be read or written with a session for
 * that environment, as an environment's own account would be on AWS.
 */
public final class LocalArtifactStore implements ArtifactStore {
    private static final int BUFFER = 64 * 1024;

    private final Path root;
    private final Place origin;

    private LocalArtifactStore(Path root, Place origin) {
        this.root = root;
        this.origin = origin;
    }

    /**
     * A store under {@code root}, whose origin belongs to the {@code tooling} account.
     *
     * @throws LocalStorageException if {@code root} cannot be created
     */
    public static LocalArtifactStore open(Path root, AccountId tooling) {
        InvalidValueException.requireNonNull("root", root);
        InvalidValueException.requireNonNull("tooling", tooling);
        try {
            Path directory = Files.createDirectories(root.toAbsolutePath().normalize());
            sweepPartFiles(directory);
            return new LocalArtifactStore(directory, Place.origin(tooling));
        } catch (IOException e) {
            throw new LocalStorageException("create the artifact directory", root, e);
        }
    }

    /** The origin place, where uploads go. */
    public Place origin() {
        return origin;
    }

    /** Where {@code place} keeps the bytes of {@code digest}, whether or not they are there. */
    public Path pathOf(Place place, Digest digest) {
        return directory(place).resolve("sha256").resolve(digest.hex());
    }

    /**
     * {@inheritDoc}
     *
     * <p>Files carry no metadata here: the media type belongs in the artifact's registration.
     */
    @Override
    public Upload upload(InputStream content, String mediaType) {
        return upload(content, mediaType, upload -> { });
    }

    /** {@inheritDoc} Here refused bytes never leave the temporary file, which is deleted. */
    @Override
    public Upload upload(InputStream content, String mediaType, Consumer<Upload> admit) {
        InvalidValueException.requireNonNull("content", content);
        InvalidValueException.requireNonNull("mediaType", mediaType);
        InvalidValueException.requireNonNull("admit", admit);
        try (PartFile temporary = temporaryFile(origin)) {
            MessageDigest sha = Digest.sha256();
            long size = write(content, temporary, sha);
            Digest digest = Digest.fromRaw(sha.digest());
            admit.accept(new Upload(digest, size));
            Path target = pathOf(origin, digest);
            if (!publish(temporary.path(), target)) {
                // Uploading the same bytes again is a no-op, but never on top of a damaged copy.
                verify(digest, origin, target);
            }
            return new Upload(digest, size);
        }
    }

    @Override
    public boolean contains(Place place, Digest digest, AccessSession session) {
        requireAccess(place, session);
        return Files.isRegularFile(pathOf(place, digest));
    }

    @Override
    public Transfer transfer(Digest digest, Place target, AccessSession session) {
        return transfer(digest, target, session, TransferProgress.NONE);
    }

    @Override
    public Transfer transfer(Digest digest, Place target, AccessSession session, TransferProgress progress) {
        InvalidValueException.requireNonNull("digest", digest);
        if (target.isOrigin()) {
            throw new InvalidValueException("target", target, "must be an environment's place, not the origin");
        }
        requireAccess(target, session);
        Path destination = pathOf(target, digest);
        if (Files.isRegularFile(destination)) {
            return new Transfer(digest, 0, true);
        }
        Path source = pathOf(origin, digest);
        try (PartFile temporary = temporaryFile(target);
                InputStream in = TransferProgress.counting(Files.newInputStream(source), Files.size(source), progress)) {
            MessageDigest sha = Digest.sha256();
            long size = write(in, temporary, sha);
            Digest copied = Digest.fromRaw(sha.digest());
            if (!copied.equals(digest)) {
                throw new DigestMismatchException(digest, copied, origin);
            }
            return publish(temporary.path(), destination) ? new Transfer(digest, size, false)
                    : new Transfer(digest, 0, true);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ArtifactNotFoundException(digest, origin);
        } catch (IOException e) {
            throw new LocalStorageException("read", source, e);
        }
    }

    @Override
    public void verify(Digest digest, Place place, AccessSession session) {
        requireAccess(place, session);
        verify(digest, place, pathOf(place, digest));
    }

    /** Always: a published file is never replaced, and is read-only besides. */
    @Override
    public boolean isImmutable(Place place) {
        return true;
    }

    private void verify(Digest digest, Place place, Path file) {
        Digest actual;
        try (InputStream in = Files.newInputStream(file)) {
            actual = Digest.of(in);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new DigestMismatchException(digest, null, place);
        } catch (IOException e) {
            throw new LocalStorageException("read", file, e);
        } catch (java.io.UncheckedIOException e) {
            throw new LocalStorageException("read", file, e.getCause());
        }
        if (!actual.equals(digest)) {
            throw new DigestMismatchException(digest, actual, place);
        }
    }

    /** Streams {@code in} into {@code file}, hashing as it goes, and forces it to disk. */
    private static long write(InputStream in, PartFile file, MessageDigest sha) {
        try {
            FileChannel out = file.channel();
            byte[] buffer = new byte[BUFFER];
            long size = 0;
            for (int n; (n = in.read(buffer)) != -1; ) {
                sha.update(buffer, 0, n);
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
                size += n;
            }
            out.force(true);
            return size;
        } catch (IOException e) {
            throw new LocalStorageException("write", file.path(), e);
        }
    }

    /**
     * Makes {@code temporary}'s bytes visible as {@code target}, unless {@code target} exists.
     *
     * @return false if {@code target} already existed (nothing was changed)
     */
    private static boolean publish(Path temporary, Path target) {
        Path directory = target.getParent();
        try {
            Files.createDirectories(directory);
            try {
                Files.createLink(target, temporary);
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (UnsupportedOperationException | FileSystemException e) {
                // No hard links here. A rename replaces silently, so check first; the window
                // between check and rename can only let identical bytes (same digest) win.
                if (Files.exists(target)) {
                    return false;
                }
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            }
            Fsync.directory(directory);
            if (!target.toFile().setWritable(false, false)) {
                throw new IOException("could not make the file read-only");
            }
            return true;
        } catch (IOException e) {
            throw new LocalStorageException("publish", target, e);
        }
    }

    /** A new part file for {@code place}, after removing those killed writers left there ({@link PartFile}). */
    private PartFile temporaryFile(Place place) {
        Path directory = directory(place).resolve("tmp");
        PartFile.sweep(directory);
        try {
            return PartFile.create(directory);
        } catch (IOException e) {
            throw new LocalStorageException("create a temporary file in", directory, e);
        }
    }

    /** Removes the part files killed writers left in the origin's and every environment's tmp directory. */
    private static void sweepPartFiles(Path root) {
        PartFile.sweep(root.resolve("origin").resolve("tmp"));
        Path environments = root.resolve("environments");
        if (Files.isDirectory(environments)) {
            try (java.util.stream.Stream<Path> places = Files.list(environments)) {
                places.forEach(place -> PartFile.sweep(place.resolve("tmp")));
            } catch (IOException | java.io.UncheckedIOException e) {
                // Housekeeping: each place's directory is swept again before its next transfer.
            }
        }
    }

    private Path directory(Place place) {
        InvalidValueException.requireNonNull("place", place);
        if (place.isOrigin()) {
            if (!place.equals(origin)) {
                throw new InvalidValueException("place", place, "must be this store's origin " + origin
                        + " or an environment's place");
            }
            return root.resolve("origin");
        }
        // Environment names are validated, so a place name can never climb out of the root.
        return root.resolve("environments").resolve(Environment.validateName(place.name()));
    }

    /** The origin is readable from any environment's session; an environment's place only from its own. */
    private void requireAccess(Place place, AccessSession session) {
        InvalidValueException.requireNonNull("session", session);
        directory(place);
        session.unwrap(LocalAccessSession.class).ifPresent(LocalAccessSession::requireOpen);
        if (place.isOrigin()) {
            return;
        }
        Environment environment = session.environment();
        if (!environment.name().equals(place.name()) || !environment.account().equals(place.account())) {
            throw new AccessDeniedException("a session for environment '" + environment.name() + "' (account "
                    + environment.account() + ") cannot act in " + place + "; open access to that environment");
        }
    }

    @Override
    public String toString() {
        return "LocalArtifactStore[" + root + "]";
    }
}
