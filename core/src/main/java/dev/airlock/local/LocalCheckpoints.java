package dev.airlock.local;

import dev.airlock.ledger.Checkpoint;
import dev.airlock.ledger.CheckpointCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> NAME.matcher(f.getFileName().toString()).matches()).sorted().toList()) {
                if (Long.parseLong(file.getFileName().toString().substring(0, 20)) >= fromSequence) {
                    out.add(CheckpointCodec.fromJson(Files.readString(file, StandardCharsets.UTF_8), file.toString()));
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        return out;
    }
}
