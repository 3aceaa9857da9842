package dev.airlock.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.ledger.ChainReport;
import dev.airlock.ledger.LedgerChain;
import dev.airlock.ledger.LedgerEntry;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileLedgerConcurrencyTest {
    @TempDir
    Path directory;

    @Test
    void eightThreads_appendingWithRetryOnConflict_loseNothingAndTheChainVerifies() throws Exception {
        Path file = directory.resolve("ledger.jsonl");
        LocalFileLedger shared = LocalFileLedger.open(file);
        int threads = 8;
        int perThread = 40;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String writer = "writer-" + t;
                // Half share one instance, half have their own: both paths must serialize.
                LocalFileLedger ledger = t % 2 == 0 ? shared : LocalFileLedger.open(file);
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        LedgerAppender.appendWithRetry(ledger, writer, i);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        assertEveryWriterComplete(LocalFileLedger.open(file), threads, perThread);
    }

    @Test
    void twoProcesses_appendingToTheSameFile_loseNothingAndNeverInterleave() throws Exception {
        Path file = directory.resolve("ledger.jsonl");
        Path go = directory.resolve("go");
        int perProcess = 200;
        List<Process> processes = new ArrayList<>();
        List<Path> errors = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            Path stderr = directory.resolve("writer-" + p + ".err");
            errors.add(stderr);
            processes.add(new ProcessBuilder(javaExecutable(), "-cp", System.getProperty("java.class.path"),
                    LedgerAppender.class.getName(), file.toString(), "writer-" + p, Integer.toString(perProcess),
                    go.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(stderr.toFile())
                    .start());
        }
        Files.createFile(go);
        for (int p = 0; p < 2; p++) {
            Process process = processes.get(p);
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                processes.forEach(Process::destroyForcibly);
                throw new AssertionError("writer-" + p + " did not finish within 3 minutes");
            }
            Path stderr = errors.get(p);
            assertEquals(0, process.exitValue(), () -> "writer failed: " + read(stderr));
        }

        assertEquals(2 * perProcess, Files.readAllLines(file).size(), "one line per entry");
        assertEveryWriterComplete(LocalFileLedger.open(file), 2, perProcess);
    }

    /** Every writer's entries are all there, once each, in the order each writer appended them. */
    private static void assertEveryWriterComplete(LocalFileLedger ledger, int writers, int perWriter) {
        List<LedgerEntry> entries = ledger.read(1);
        assertEquals(writers * perWriter, entries.size());
        ChainReport report = LedgerChain.verify(entries);
        assertTrue(report.ok(), report.summary());
        assertTrue(ledger.verify().ok());
        Map<String, List<Integer>> byWriter = entries.stream().collect(Collectors.groupingBy(
                entry -> entry.detail("writer"), Collectors.mapping(
                        entry -> Integer.parseInt(entry.detail("index")), Collectors.toList())));
        assertEquals(writers, byWriter.size());
        List<Integer> expected = IntStream.range(0, perWriter).boxed().toList();
        byWriter.forEach((writer, indexes) -> assertEquals(expected, indexes, writer));
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : ""))
                .toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(could not read " + file + ": " + e + ")";
        }
    }
}
