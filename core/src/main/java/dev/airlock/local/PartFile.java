package dev.airlock.local;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A temporary {@code .part} file that bytes are written to before they are published under their digest,
 * and the removal of those a killed writer left behind.
 *
 * <p>How a leftover is told from a live file: the writer holds an exclusive OS lock on its part file from
 * just after creating it until after deleting it, so a part file whose lock another process can take has
 * no live writer, and is removed. Two kinds are always kept: a file modified less than {@link #SAFE_AGE}
 * ago (its writer may be between creating and locking it, or be an earlier Airlock that took no lock and
 * keeps the file's time fresh while it writes), and a file this JVM is writing, which is never opened to
 * probe it: POSIX drops all of a process's locks on a file when any of its descriptors of that file is
 * closed, so probing our own file would unlock it for everyone else.
 */
final class PartFile implements AutoCloseable {
    /** Files younger than this are never removed; see the class comment. */
    static final Duration SAFE_AGE = Duration.ofMinutes(15);
    private static final String SUFFIX = ".part";
    private static final Set<Path> WRITING = ConcurrentHashMap.newKeySet();

    private final Path path;
    private final FileChannel channel;

    private PartFile(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /** A new part file in {@code directory} (created if needed), locked for as long as it is open. */
    static PartFile create(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path path = Files.createTempFile(directory, "incoming-", SUFFIX).toAbsolutePath().normalize();
        WRITING.add(path);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(path, StandardOpenOption.WRITE);
            channel.lock();
            return new PartFile(path, channel);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            Files.deleteIfExists(path);
            WRITING.remove(path);
            throw e;
        }
    }

    Path path() {
        return path;
    }

    FileChannel channel() {
        return channel;
    }

    /** Deletes the file, then lets go of its lock: a sweeper can never take the lock of a file still in use. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // Left behind; the next sweep removes it once it is old enough, as its lock is free by then.
        } finally {
            try {
                channel.close();
            } catch (IOException e) {
                // Closing releases the lock whatever else failed.
            }
            WRITING.remove(path);
        }
    }

    /** Removes the part files in {@code directory} that no live writer holds (best effort, never fails). */
    static void sweep(Path directory) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        Instant youngest = Instant.now().minus(SAFE_AGE);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path file : files) {
                Path path = file.toAbsolutePath().normalize();
                if (!WRITING.contains(path)) {
                    removeIfAbandoned(path, youngest);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Cleaning up is housekeeping: a directory that cannot be listed now is tried again next time.
        }
    }

    private static void removeIfAbandoned(Path path, Instant youngest) {
        try {
            if (Files.getLastModifiedTime(path).toInstant().isAfter(youngest)) {
                return;
            }
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE);
                    java.nio.channels.FileLock lock = channel.tryLock()) {
                if (lock != null) {
                    Files.deleteIfExists(path);
                }
            }
        } catch (NoSuchFileException | OverlappingFileLockException e) {
            // Gone already, or locked within this JVM: not ours to remove.
        } catch (IOException e) {
            // Unreadable or locked in a way tryLock reports as an error: kept, tried again next time.
        }
    }
}
