package dev.airlock.local;

import dev.airlock.ledger.EntryType;
import dev.airlock.ledger.LedgerChain;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.spi.Ledger;
import dev.airlock.spi.LedgerConflictException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Appends like a promotion engine does: read the tail, chain the next entry, append, and on a
 * conflict re-read and retry. Also a program, so tests can run writers in separate processes:
 * {@code LedgerAppender <ledger file> <writer name> <count> <start signal file>}.
 */
public final class LedgerAppender {

    private LedgerAppender() {
    }

    /** Appends one entry for {@code writer}, retrying on conflicts; returns the entry stored. */
    public static LedgerEntry appendWithRetry(Ledger ledger, String writer, int index) {
        LedgerEntry.Draft draft = new LedgerEntry.Draft(EntryType.APPROVED, writer, "prod", null, null,
                Map.of("writer", writer, "index", Integer.toString(index)));
        while (true) {
            long last = ledger.lastSequence();
            LedgerEntry previous = last == 0 ? null : ledger.read(last).get(0);
            LedgerEntry entry = LedgerChain.next(previous, draft, Instant.now());
            try {
                ledger.append(entry);
                return entry;
            } catch (LedgerConflictException e) {
                // Another writer won this sequence number: re-read and chain after its entry.
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        String writer = args[1];
        int count = Integer.parseInt(args[2]);
        Path start = Path.of(args[3]);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (!Files.exists(start)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("no start signal " + start + " within a minute");
            }
            Thread.sleep(2);
        }
        LocalFileLedger ledger = LocalFileLedger.open(file);
        for (int i = 0; i < count; i++) {
            appendWithRetry(ledger, writer, i);
        }
    }
}
