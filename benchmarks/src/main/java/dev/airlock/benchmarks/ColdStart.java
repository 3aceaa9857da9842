package dev.airlock.benchmarks;

import dev.airlock.artifact.Digest;
import dev.airlock.config.AirlockConfiguration;
import dev.airlock.ledger.ChainReport;
import dev.airlock.ledger.Checkpoint;
import dev.airlock.ledger.CheckpointCodec;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.local.LocalBackend;
import dev.airlock.promotion.PromotionCommand;
import dev.airlock.promotion.PromotionEngine;
import dev.airlock.spi.Ledger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One cold command on a {@link LocalHistory} directory, in this fresh JVM, timed phase by phase — what a
 * CLI run does, with the ledger port wrapped so the time spent reading the checkpoint and the tail shows:
 * <pre>
 * ColdStart DIR status|promote [as-is|newest-only|none] [N]
 * </pre>
 * {@code as-is} is the ledger as shipped; {@code newest-only} reads only the newest checkpoint file (what
 * the S3 ledger does, and what the local ledger could do); {@code none} hides the checkpoints, so the view
 * is replayed from entry 1 (the behaviour before checkpoints). {@code promote} promotes the N-th digest of
 * {@code bench-artifacts.txt} into dev. Prints one tab-separated line; times in milliseconds.
 */
public final class ColdStart {
    private ColdStart() {
    }

    public static void main(String[] args) throws IOException {
        long jvmToMain = ManagementFactory.getRuntimeMXBean().getUptime();
        Path dir = Path.of(args[0]);
        String command = args[1];
        String mode = args.length > 2 ? args[2] : "as-is";
        long start = System.nanoTime();
        AirlockConfiguration configuration = AirlockConfiguration.load(dir.resolve("airlock.yaml"));
        Clock clock = Clock.fixed(Instant.parse(Files.readString(dir.resolve("at.txt")).strip()), ZoneOffset.UTC);
        LocalBackend backend = LocalBackend.open(dir.resolve("state"), configuration.landscape(), Clock.systemUTC());
        Timed ledger = new Timed(mode.equals("none") ? new Checkpointless(backend.ledger()) : backend.ledger(), mode,
                dir.resolve("state/ledger.jsonl.checkpoints"));
        PromotionEngine engine = PromotionEngine.builder().landscape(configuration.landscape())
                .guardrails(configuration.guardrails()).store(backend.artifactStore())
                .access(backend.environmentAccess()).ledger(ledger).clock(clock).build();
        long opened = System.nanoTime();
        long head = engine.head().sequence(); // the cold start: newest checkpoint, tail, view
        long viewed = System.nanoTime();
        long tailNanos = ledger.readNanos;
        long tailEntries = ledger.entriesRead;
        Object result;
        if (command.equals("status")) {
            result = engine.status().size() + " environments, head " + head;
        } else {
            int n = args.length > 3 ? Integer.parseInt(args[3]) : 1;
            Digest digest = Digest.parse(Files.readAllLines(dir.resolve("bench-artifacts.txt")).get(n - 1));
            result = engine.promote(PromotionCommand.builder(digest, "dev", History.CI).build()).status();
        }
        long done = System.nanoTime();
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        // cold view = reading the checkpoint + reading the tail + the rest (parsing the state into the view).
        System.out.printf("%s\t%s\t%s\tjvm-to-main %d\topen %.0f\tcold-view %.0f = checkpoint %.0f (%d chars of "
                        + "state) + tail %.0f (%d entries) + rest\tcommand %.0f\theap-after-gc %.1f MB\tuptime %d%n",
                command, mode, result, jvmToMain, ms(opened - start), ms(viewed - opened), ms(ledger.checkpointNanos),
                ledger.stateChars, ms(tailNanos), tailEntries, ms(done - viewed), heap / 1e6, uptime);
        java.lang.ref.Reference.reachabilityFence(engine); // the view is what the heap figure is about
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** The ledger port, timed; in {@code newest-only} mode it reads only the newest checkpoint file. */
    private static final class Timed implements Ledger {
        private final Ledger ledger;
        private final String mode;
        private final Path checkpointDirectory;
        long checkpointNanos;
        long readNanos;
        long entriesRead;
        long stateChars;

        Timed(Ledger ledger, String mode, Path checkpointDirectory) {
            this.ledger = ledger;
            this.mode = mode;
            this.checkpointDirectory = checkpointDirectory;
        }

        @Override
        public Optional<Checkpoint> latestCheckpoint() {
            long start = System.nanoTime();
            Optional<Checkpoint> newest = mode.equals("newest-only") ? newestFile() : ledger.latestCheckpoint();
            checkpointNanos += System.nanoTime() - start;
            newest.ifPresent(c -> stateChars = c.state().length());
            return newest;
        }

        /** The newest checkpoint file alone, read and checked as LocalCheckpoints reads each of them. */
        private Optional<Checkpoint> newestFile() {
            try (Stream<Path> files = Files.list(checkpointDirectory)) {
                Optional<Path> newest = files.filter(f -> f.getFileName().toString().matches("\\d{20}\\.json"))
                        .max(Path::compareTo);
                return newest.map(file -> {
                    try {
                        return CheckpointCodec.fromJson(Files.readString(file), file.toString());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (java.nio.file.NoSuchFileException e) {
                return Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public List<Checkpoint> checkpoints(long fromSequence) {
            return ledger.checkpoints(fromSequence);
        }

        @Override
        public List<LedgerEntry> read(long fromSequence) {
            long start = System.nanoTime();
            List<LedgerEntry> entries = ledger.read(fromSequence);
            readNanos += System.nanoTime() - start;
            entriesRead += entries.size();
            return entries;
        }

        @Override
        public long lastSequence() {
            long start = System.nanoTime();
            long last = ledger.lastSequence();
            readNanos += System.nanoTime() - start;
            return last;
        }

        @Override
        public void append(LedgerEntry entry) {
            ledger.append(entry);
        }

        @Override
        public boolean putCheckpoint(Checkpoint checkpoint) {
            return ledger.putCheckpoint(checkpoint);
        }

        @Override
        public ChainReport verify() {
            return ledger.verify();
        }

        @Override
        public Optional<String> truncationRisk() {
            return ledger.truncationRisk();
        }

        @Override
        public Optional<String> repair() {
            return ledger.repair();
        }
    }
}
