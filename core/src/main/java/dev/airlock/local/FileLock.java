package dev.airlock.local;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Mutual exclusion on one file across threads and processes. The OS lock (fcntl on Linux) keeps
 * other processes out; it is taken on a sibling lock file that nothing else opens, because POSIX
 * drops all of a process's locks on a file when any descriptor of that file is closed. Within this
 * JVM a lock per path serializes everyone first: Java refuses two overlapping OS locks from one
 * process, and only one descriptor of the lock file is ever open at a time.
 */
final class FileLock {
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path lockFile;
    private final ReentrantLock inProcess;

    /** @param lockFile an absolute, real path, so every instance for one file shares one in-process lock */
    FileLock(Path lockFile) {
        this.lockFile = lockFile;
        this.inProcess = IN_PROCESS.computeIfAbsent(lockFile, path -> new ReentrantLock());
    }

    /** Runs {@code action} while holding the lock; {@code shared} lets other processes' readers in too. */
    @SuppressWarnings("try") // the OS lock is held by being open, not referenced
    <T> T holding(boolean shared, Action<T> action) throws IOException {
        if (inProcess.isHeldByCurrentThread()) {
            throw new IllegalStateException("the lock on " + lockFile + " is not reentrant");
        }
        inProcess.lock();
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
                java.nio.channels.FileLock held = channel.lock(0, Long.MAX_VALUE, shared)) {
            return action.run();
        } finally {
            inProcess.unlock();
        }
    }

    /** Work done under the lock. */
    @FunctionalInterface
    interface Action<T> {
        T run() throws IOException;
    }
}
