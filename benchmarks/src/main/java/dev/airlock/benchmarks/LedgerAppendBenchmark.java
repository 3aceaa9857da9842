package dev.airlock.benchmarks;

import dev.airlock.ledger.EntryType;
import dev.airlock.ledger.LedgerChain;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.local.LocalFileLedger;
import dev.airlock.testkit.InMemoryLedger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Appends per second by one writer: to the local file ledger, where every append takes the file
 * lock, writes one line and forces it to disk; and to the in-memory ledger, which shows what the
 * chaining and compare-and-set cost without any I/O. The gap between the two is the disk's fsync
 * latency. Run with {@code -p directory=/dev/shm} to put the file on tmpfs, where fsync is free.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LedgerAppendBenchmark {
    private static final LedgerEntry.Draft DRAFT = new LedgerEntry.Draft(EntryType.APPROVED, "alice@example.com",
            "prod", null, "promotion-0001", Map.of("approval", "change CHG-1234", "policy", "v7"));

    /** A fresh ledger file per trial, in {@link #directory} (the JVM's temporary directory when empty). */
    @State(Scope.Benchmark)
    public static class FileLedger {
        @Param({""})
        public String directory;

        Path root;
        LocalFileLedger ledger;
        LedgerEntry last;

        @Setup
        public void open() throws IOException {
            Path parent = Path.of(directory.isEmpty() ? System.getProperty("java.io.tmpdir") : directory);
            root = Files.createTempDirectory(parent, "airlock-ledger-bench-");
            ledger = LocalFileLedger.open(root.resolve("ledger.jsonl"));
            last = null;
        }

        @TearDown
        public void delete() throws IOException {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** A fresh in-memory ledger per trial. */
    @State(Scope.Benchmark)
    public static class MemoryLedger {
        InMemoryLedger ledger;
        LedgerEntry last;

        @Setup
        public void open() {
            ledger = new InMemoryLedger();
            last = null;
        }
    }

    @Benchmark
    public LedgerEntry localFileWithFsync(FileLedger state) {
        LedgerEntry entry = LedgerChain.next(state.last, DRAFT, Instant.now());
        state.ledger.append(entry);
        state.last = entry;
        return entry;
    }

    @Benchmark
    public LedgerEntry inMemory(MemoryLedger state) {
        LedgerEntry entry = LedgerChain.next(state.last, DRAFT, Instant.now());
        state.ledger.append(entry);
        state.last = entry;
        return entry;
    }
}
