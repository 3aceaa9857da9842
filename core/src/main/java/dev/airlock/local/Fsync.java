package dev.airlock.local;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Makes writes durable: a file's bytes once it is forced, a new or renamed file once its directory is
 * synced.
 */
final class Fsync {

    private Fsync() {
    }

    /**
     * Syncs {@code directory}. Some platforms (Windows) cannot open a directory for syncing; there
     * the file system's own ordering is all there is, so the failure is ignored.
     */
    static void directory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not supported here; see the method comment.
        }
    }

    static void file(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }
}
