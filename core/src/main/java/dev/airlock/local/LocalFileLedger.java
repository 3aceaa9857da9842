package dev.airlock.local;

import dev.airlock.InvalidValueException;
import dev.airlock.artifact.Digest;
import dev.airlock.ledger.BrokenLink;
import dev.airlock.ledger.ChainReport;
import dev.airlock.ledger.Checkpoint;
import dev.airlock.ledger.LedgerChain;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.ledger.LedgerEntryCodec;
import dev.airlock.ledger.LedgerHead;
import dev.airlock.ledger.LedgerTamperedException;
import dev.airlock.ledger.MalformedEntryException;
import dev.airlock.spi.Ledger;
import dev.airlock.spi.LedgerConflictException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger as a JSON-lines file, one entry per line in {@link LedgerEntryCodec}'s encoding.
 *
 * <p>Safe for many threads and many processes on one machine: every append takes an exclusive OS
 * lock (on a sibling {@code .lock} file), reads what other writers appended, checks the entry is
 * the next link ({@link LedgerConflictException} if its sequence number is taken), writes one line
 * and forces it to disk before returning. Reads take a shared lock, so they never see half an
 * append. Over network file systems OS locks may not be honoured; keep the file on a local disk.
 *
 * <p>A crash during an append can leave a torn last line. It is never accepted and never removed
 * silently: reads and appends fail with a {@link CorruptLedgerException} naming the file and line
 * until someone repairs it ({@code airlock ledger repair}, or {@link #repairTornTail()}), which moves
 * the torn bytes aside.
 *
 * <p>Reads are incremental: entries already read are kept and only bytes appended since are
 * parsed. The cache is dropped and the whole file re-read when it changed in a way appends cannot
 * explain (it shrank, was replaced, or was modified without growing, or its last known line
 * changed). An edit of an earlier line that keeps the file's size and falls within the file
 * system's timestamp resolution of the last read can go unnoticed by this cache; {@link #verify()}
 * always re-reads the whole file.
 */
public final class LocalFileLedger implements Ledger {
    private static final Logger LOG = LoggerFactory.getLogger(LocalFileLedger.class);
    private static final int CHUNK = 64 * 1024;

    private final Path file;
    private final FileLock lock;

    private final LocalCheckpoints checkpoints;

    // Guarded by lock: every access happens inside lock.holding(...).
    // The cache holds the entries after entry `base`: a cold reader that starts at a checkpoint seeks
    // to its entry's line instead of reading the whole file.
    private final List<LedgerEntry> entries = new ArrayList<>();
    private long base;
    private long offset;
    private byte[] lastLine = new byte[0];
    private @Nullable Object fileKey;
    private @Nullable FileTime modified;
    private LedgerHead highestSeen = LedgerHead.empty();

    private LocalFileLedger(Path file, FileLock lock) {
        this.file = file;
        this.lock = lock;
        this.checkpoints = new LocalCheckpoints(file.resolveSibling(file.getFileName() + ".checkpoints"));
    }

    /**
     * A ledger stored in {@code file}, created with its directories on the first append.
     *
     * @throws LocalStorageException if the directory cannot be created
     */
    public static LocalFileLedger open(Path file) {
        InvalidValueException.requireNonNull("file", file);
        Path absolute = file.toAbsolutePath().normalize();
        Path directory = absolute.getParent();
        Path real;
        try {
            real = Files.createDirectories(directory).toRealPath().resolve(absolute.getFileName());
        } catch (IOException e) {
            throw new LocalStorageException("create the ledger directory", directory, e);
        }
        return new LocalFileLedger(real, new FileLock(real.resolveSibling(real.getFileName() + ".lock")));
    }

    /** The ledger file. */
    public Path file() {
        return file;
    }

    /**
     * Appends {@code entry} and forces it to disk before returning.
     *
     * @throws LedgerConflictException if another writer already appended an entry with this sequence
     * @throws InvalidValueException    if the entry is not the next link of the chain
     * @throws CorruptLedgerException   if the file has a torn last line
     * @throws LedgerTamperedException if entries appended or read before were removed or
     *                                  rewritten
     * @throws LocalStorageException    if writing fails; the entry was then not acknowledged and is
     *                                  removed again when possible: re-read before retrying
     */
    @Override
    public void append(LedgerEntry entry) {
        InvalidValueException.requireNonNull("entry", entry);
        locked(false, "append to", () -> {
            boolean created = !Files.exists(file);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE)) {
                refresh(channel);
                noteMarkedHead();
                requireNothingRemoved();
                LedgerEntry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
                if (last != null && entry.sequence() <= last.sequence()) {
                    throw new LedgerConflictException(entry.sequence());
                }
                LedgerChain.requireFollows(last, entry);
                write(channel, (LedgerEntryCodec.toJson(entry) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            if (created) {
                Fsync.directory(file.getParent());
            }
            entries.add(entry);
            highestSeen = LedgerHead.of(entry);
            remember(Files.readAttributes(file, BasicFileAttributes.class));
            try {
                HeadMarker.write(headMarker(), highestSeen);
            } catch (IOException e) {
                // The entry is durable and acknowledged; a head file that lags only weakens the check.
                LOG.warn("could not update {} after appending entry {}", headMarker(), entry.sequence(), e);
            }
            return null;
        });
    }

    @Override
    public List<LedgerEntry> read(long fromSequence) {
        return locked(true, "read", () -> {
            if (fromSequence <= base) {
                forget(); // earlier than the cache reaches: read from the start
            }
            if (fromSequence > 1 && offset == 0) {
                seek(fromSequence);
            }
            readCurrent();
            requireNothingRemoved();
            int from = startIndex(fromSequence);
            return List.copyOf(entries.subList(from, entries.size()));
        });
    }

    @Override
    public long lastSequence() {
        return locked(true, "read", () -> {
            readCurrent();
            requireNothingRemoved();
            return entries.isEmpty() ? base : entries.get(entries.size() - 1).sequence();
        });
    }

    @Override
    public boolean putCheckpoint(Checkpoint checkpoint) {
        InvalidValueException.requireNonNull("checkpoint", checkpoint);
        return locked(false, "write a checkpoint of", () -> checkpoints.put(checkpoint));
    }

    @Override
    public List<Checkpoint> checkpoints(long fromSequence) {
        return locked(true, "read the checkpoints of", () -> checkpoints.from(fromSequence));
    }

    @Override
    public Optional<Checkpoint> latestCheckpoint() {
        return locked(true, "read the checkpoints of", checkpoints::newest);
    }

    /**
     * Re-reads the whole file, trusting nothing cached, and verifies its chain. Against the highest
     * entry this instance has seen, so entries removed from the end or rewritten since are reported
     * too ({@link dev.airlock.ledger.BrokenLink.Kind#TRUNCATED}, {@code HEAD_MISMATCH}).
     *
     * @throws CorruptLedgerException if a line cannot be read at all
     */
    @Override
    public ChainReport verify() {
        return locked(true, "read", () -> {
            LedgerHead marked = HeadMarker.read(headMarker());
            LedgerHead expected = marked.sequence() > highestSeen.sequence() ? marked : highestSeen;
            forget();
            readCurrent();
            return LedgerChain.verify(List.copyOf(entries), expected);
        });
    }

    /**
     * Removes a torn last line left by a crash: moves its bytes, unchanged, to a sibling file
     * {@code <ledger>.torn-<offset>-<fingerprint>} (forced to disk first), then truncates the
     * ledger to its last complete entry. Only the last line is ever removed; damage anywhere else
     * is refused.
     *
     * @return the file that now holds the removed bytes, unchanged, for inspection; empty if the last
     *         line was intact
     * @throws CorruptLedgerException if a line other than the last cannot be read
     */
    public Optional<Path> repairTornTail() {
        return locked(false, "repair", () -> {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                try {
                    refresh(channel);
                    return Optional.empty();
                } catch (CorruptLedgerException e) {
                    if (!e.tornTail()) {
                        throw e;
                    }
                    return Optional.of(moveAside(channel, e.line()));
                }
            }
        });
    }

    @Override
    public Optional<String> truncationRisk() {
        return Optional.of("whoever can write " + file + " can cut entries from its end and rewrite the head file"
                + " beside it; pin the ledger's head somewhere they cannot write, and verify against it");
    }

    /** {@link #repairTornTail()}, for callers that know only the {@link Ledger} port. */
    @Override
    public Optional<String> repair() {
        return repairTornTail().map(Path::toString);
    }

    private Path moveAside(FileChannel channel, long line) throws IOException {
        long size = channel.size();
        ByteBuffer torn = ByteBuffer.allocate(Math.toIntExact(size - offset));
        LineBuffer.readFully(channel, torn, offset);
        Path aside = asidePath(offset, torn.array());
        torn.flip();
        try (FileChannel out = FileChannel.open(aside, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (torn.hasRemaining()) {
                out.write(torn);
            }
            out.force(true);
        }
        Fsync.directory(file.getParent());
        channel.truncate(offset);
        channel.force(true);
        remember(Files.readAttributes(file, BasicFileAttributes.class));
        LOG.warn("removed a torn last line from {} (line {}, {} bytes); its bytes are in {}", file, line,
                size - offset, aside);
        return aside;
    }

    private void write(FileChannel channel, byte[] line) throws IOException {
        long start = channel.size();
        ByteBuffer buffer = ByteBuffer.wrap(line);
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer, start + buffer.position());
            }
            channel.force(true);
        } catch (IOException e) {
            // Our own partial line, under our lock: take it back so the file does not look torn.
            try {
                channel.truncate(start);
                channel.force(true);
            } catch (IOException undo) {
                e.addSuppressed(undo);
            }
            throw e;
        }
        offset = start + line.length;
        lastLine = line;
    }

    private void readCurrent() throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            refresh(channel);
        } catch (NoSuchFileException e) {
            if (offset > 0) {
                LOG.warn("ledger file {} was deleted outside Airlock", file);
                forget();
            }
        }
        noteMarkedHead();
    }

    /** Raises the highest head seen to the head file's: appended by another process, or cut from the end. */
    private void noteMarkedHead() throws IOException {
        LedgerHead marked = HeadMarker.read(headMarker());
        if (marked.sequence() > highestSeen.sequence()) {
            highestSeen = marked;
        }
    }

    /** Brings the cache up to date with the file; call under the lock. */
    private void refresh(FileChannel channel) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        long size = channel.size();
        if (offset > 0 && changedOutsideAppends(channel, attributes, size)) {
            LOG.warn("ledger file {} changed other than by appends (now {} bytes, {} read before); re-reading it",
                    file, size, offset);
            forget();
        }
        if (size > offset) {
            readLines(channel, size);
        }
        remember(attributes);
        LedgerEntry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
        if (last != null && last.sequence() == base + entries.size() && last.sequence() > highestSeen.sequence()) {
            highestSeen = LedgerHead.of(last);
        }
    }

    /** Starts the cache at entry {@code sequence}'s line when it can be found without reading the lines before. */
    private void seek(long sequence) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long at = LineSeeker.offsetOf(channel, channel.size(), sequence);
            if (at > 0) {
                base = sequence - 1;
                offset = at;
                lastLine = LineSeeker.lineBefore(channel, at);
                remember(Files.readAttributes(file, BasicFileAttributes.class));
            }
        } catch (NoSuchFileException e) {
            // an empty ledger: nothing to seek
        }
    }

    /** The last head appended here, kept beside the ledger so entries cut from its end are noticed. */
    private Path headMarker() {
        return file.resolveSibling(file.getFileName() + ".head");
    }

    private boolean changedOutsideAppends(FileChannel channel, BasicFileAttributes attributes, long size)
            throws IOException {
        if (!Objects.equals(attributes.fileKey(), fileKey) || size < offset) {
            return true;
        }
        if (size == offset && !attributes.lastModifiedTime().equals(modified)) {
            return true;
        }
        ByteBuffer current = ByteBuffer.allocate(lastLine.length);
        LineBuffer.readFully(channel, current, offset - lastLine.length);
        return !Arrays.equals(current.array(), lastLine);
    }

    /** Parses complete lines from {@link #offset} up to {@code size}, advancing the offset line by line. */
    private void readLines(FileChannel channel, long size) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
        LineBuffer line = new LineBuffer();
        long position = offset;
        while (position < size) {
            chunk.clear().limit((int) Math.min(CHUNK, size - position));
            int read = channel.read(chunk, position);
            if (read < 0) {
                break;
            }
            byte[] bytes = chunk.array();
            int start = 0;
            for (int i = 0; i < read; i++) {
                if (bytes[i] == '\n') {
                    line.add(bytes, start, i + 1);
                    start = i + 1;
                    accept(line.take(), position + start == size);
                }
            }
            line.add(bytes, start, read);
            position += read;
        }
        if (line.length() > 0) {
            byte[] torn = line.take();
            throw CorruptLedgerException.incompleteLastLine(file, base + entries.size() + 1L, torn.length,
                    asidePath(offset, torn));
        }
    }

    private void accept(byte[] line, boolean lastInFile) {
        long lineNumber = base + entries.size() + 1L;
        LedgerEntry entry;
        try {
            entry = LedgerEntryCodec.fromJson(LineBuffer.decode(line, line.length - 1));
        } catch (MalformedEntryException e) {
            throw lastInFile
                    ? CorruptLedgerException.unreadableLastLine(file, lineNumber, e.getMessage(),
                            asidePath(offset, line))
                    : CorruptLedgerException.unreadableLine(file, lineNumber, e.getMessage());
        }
        entries.add(entry);
        offset += line.length;
        lastLine = line;
    }

    /**
     * Refuses a file that ends before the highest entry seen, or holds another entry at its sequence.
     * Gaps and edits inside the file are left to chain verification, which names them precisely.
     */
    private void requireNothingRemoved() {
        long seen = highestSeen.sequence();
        long last = entries.isEmpty() ? base : entries.get(entries.size() - 1).sequence();
        if (last < seen) {
            throw new LedgerTamperedException(new BrokenLink(last + 1, last + 1, BrokenLink.Kind.TRUNCATED, file
                    + ": the ledger ends at entry " + last + " but entry " + seen + " was appended or read before (the"
                    + " head file beside the ledger, or this process, says so): entries were removed outside"
                    + " Airlock. Restore the file from a backup"));
        }
        for (int i = entries.size() - 1; i >= 0 && entries.get(i).sequence() >= seen && seen > base; i--) {
            if (entries.get(i).sequence() == seen && !entries.get(i).hash().equals(highestSeen.hash())) {
                throw new LedgerTamperedException(new BrokenLink(seen, seen, BrokenLink.Kind.HEAD_MISMATCH, file
                        + ": entry " + seen + " is not the entry appended or read before: the file was rewritten"
                        + " outside Airlock. Restore it from a backup"));
            }
        }
    }

    private int startIndex(long fromSequence) {
        if (fromSequence <= base + 1) {
            return 0;
        }
        // Fast path: in an intact ledger entry n sits at index n - base - 1.
        int index = (int) (fromSequence - base - 1);
        if (index < entries.size() && entries.get(index).sequence() == fromSequence) {
            return index;
        }
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).sequence() >= fromSequence) {
                return i;
            }
        }
        return entries.size();
    }

    private void remember(BasicFileAttributes attributes) {
        fileKey = attributes.fileKey();
        modified = attributes.lastModifiedTime();
    }

    private void forget() {
        entries.clear();
        base = 0;
        offset = 0;
        lastLine = new byte[0];
        fileKey = null;
        modified = null;
    }

    /** Named by offset and content, so repeating a repair rewrites the same file and another tear gets its own. */
    private Path asidePath(long at, byte[] torn) {
        String fingerprint = Digest.of(torn).hex().substring(0, 12);
        return file.resolveSibling(file.getFileName() + ".torn-" + at + "-" + fingerprint);
    }

    private <T> T locked(boolean shared, String operation, FileLock.Action<T> action) {
        try {
            return lock.holding(shared, action);
        } catch (IOException e) {
            throw new LocalStorageException(operation, file, e);
        }
    }

    @Override
    public String toString() {
        return "LocalFileLedger[" + file + "]";
    }
}
