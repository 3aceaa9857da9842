package dev.airlock.spi;

import dev.airlock.artifact.Digest;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Content-addressed storage for artifacts, one place per environment plus the origin in the
 * tooling account. Artifacts only ever move from the origin into an environment's place, so an
 * environment never needs to read another environment's account (blast radius).
 *
 * <p>Implementations must: never overwrite existing bytes; make {@link #transfer} idempotent
 * (bytes already present are not sent again); and make {@link #verify} check the bytes actually
 * stored at the place, not a label.
 */
public interface ArtifactStore {

    /**
     * Stores built bytes at the origin and returns their digest and size. Uploading the same bytes
     * again is a no-op returning the same digest.
     */
    Upload upload(InputStream content, String mediaType);

    /**
     * Like {@link #upload(InputStream, String)}, but {@code admit} sees the upload's digest and size before the
     * bytes are published, and refuses them by throwing: the exception propagates, and where the store holds
     * bytes back until then, nothing of them stays at the origin. The engine refuses other bytes under a
     * registered name and version this way without keeping them.
     *
     * <p>The default uploads first and asks after, so refused bytes stay (unreferenced, never promoted); a store
     * that writes to a staging place first should override it.
     */
    default Upload upload(InputStream content, String mediaType, Consumer<Upload> admit) {
        Upload upload = upload(content, mediaType);
        admit.accept(upload);
        return upload;
    }

    /** Whether {@code place} holds the artifact, read with {@code session}'s access. */
    boolean contains(Place place, Digest digest, AccessSession session);

    /**
     * Copies the artifact from the origin into {@code target} with {@code session}'s access,
     * skipping what is already there.
     *
     * @throws ArtifactNotFoundException if the origin does not have it
     */
    Transfer transfer(Digest digest, Place target, AccessSession session);

    /**
     * {@link #transfer(Digest, Place, AccessSession)}, telling {@code progress} how many bytes have moved as
     * it goes. Stores that can count override it; the default transfers without reporting.
     */
    default Transfer transfer(Digest digest, Place target, AccessSession session, TransferProgress progress) {
        return transfer(digest, target, session);
    }

    /**
     * Checks that the bytes at {@code place} hash to {@code digest}.
     *
     * @throws DigestMismatchException if they do not, or the artifact is missing
     */
    void verify(Digest digest, Place place, AccessSession session);

    /** Whether what is stored at {@code place} can never be overwritten or re-tagged. */
    boolean isImmutable(Place place);

    /** The result of an upload. */
    record Upload(Digest digest, long size) {
    }

    /** The result of a transfer: how many bytes moved (0 when already present). */
    record Transfer(Digest digest, long bytesCopied, boolean alreadyPresent) {
    }
}
