package dev.airlock.local;

import dev.airlock.ledger.BrokenLink;
import dev.airlock.ledger.Checkpoint;
import dev.airlock.ledger.CheckpointCodec;
import dev.airlock.ledger.LedgerTamperedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A local ledger's checkpoints, one file each in a directory beside it, named by sequence. A file is
 * written under a temporary name, forced to disk and then linked into place, which fails when the name
 * is taken: a checkpoint is never replaced, and a crash leaves at most a temporary file that readers
 * ignore. The caller holds the ledger's lock.
 */
final class LocalCheckpoints {
    private static final Pattern NAME = Pattern.compile("\\d{20}\\.json");

    private final Path directory;

    LocalCheckpoints(Path directory) {
        this.directory = directory;
    }

    boolean put(Checkpoint checkpoint) throws IOException {
        Files.createDirectories(directory);
        Path target = directory.resolve(String.format("%020d.json", checkpoint.sequence()));
        if (Files.exists(target)) {
            return false;
        }
        Path temporary = Files.createTempFile(directory, "checkpoint-", ".tmp");
        try {
            Files.writeString(temporary, CheckpointCodec.toJson(checkpoint), StandardCharsets.UTF_8);
            Fsync.file(temporary);
            Files.createLink(target, temporary);
            Fsync.directory(directory);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    List<Checkpoint> from(long fromSequence) throws IOException {
        List<Checkpoint> out = new ArrayList<>();
        for (Path file : files()) {
            if (sequenceOf(file) >= fromSequence) {
                out.add(read(file));
            }
        }
        return out;
    }

    /** Only the newest file is read: a cold start's cost does not grow with the number of checkpoints. */
    Optional<Checkpoint> newest() throws IOException {
        List<Path> files = files();
        return files.isEmpty() ? Optional.empty() : Optional.of(read(files.get(files.size() - 1)));
    }

    /** The checkpoint files, by sequence; a name too large for a sequence number is tampering. */
    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> named = files.filter(f -> NAME.matcher(f.getFileName().toString()).matches()).sorted().toList();
            named.forEach(LocalCheckpoints::sequenceOf);
            return named;
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    /** The file's checkpoint, which must be the one its name says. */
    private static Checkpoint read(Path file) throws IOException {
        Checkpoint checkpoint = CheckpointCodec.fromJson(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        if (checkpoint.sequence() != sequenceOf(file)) {
            throw misnamed(file, "it holds checkpoint " + checkpoint.sequence() + ": it was copied under another name");
        }
        return checkpoint;
    }

    private static long sequenceOf(Path file) {
        try {
            return Long.parseLong(file.getFileName().toString().substring(0, 20));
        } catch (NumberFormatException e) {
            throw misnamed(file, "its name is not a sequence number");
        }
    }

    private static LedgerTamperedException misnamed(Path file, String problem) {
        return new LedgerTamperedException(new BrokenLink(0, 0, BrokenLink.Kind.CHECKPOINT_MISMATCH,
                "checkpoint " + file + " cannot be trusted: " + problem));
    }
}
