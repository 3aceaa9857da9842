package dev.airlock.spi;

import java.io.InputStream;

/**
 * Told how far a transfer has come, so a long copy can show progress. Called on the transferring thread,
 * possibly for every buffer: keep it cheap, and never throw (a failing sink must not fail a transfer).
 */
@FunctionalInterface
public interface TransferProgress {
    /** Ignores every report: for callers that do not show progress. */
    TransferProgress NONE = (done, total) -> { };

    /**
     * @param done  bytes moved so far
     * @param total bytes to move in all, or -1 when the store cannot know
     */
    void bytes(long done, long total);

    /** {@code in}, reporting to {@code progress} the bytes read from it so far, out of {@code total}. */
    static InputStream counting(InputStream in, long total, TransferProgress progress) {
        return new CountingInputStream(in, total, progress);
    }
}
