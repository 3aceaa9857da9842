package dev.airlock.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.InvalidValueException;
import dev.airlock.artifact.Digest;
import dev.airlock.ledger.BrokenLink;
import dev.airlock.ledger.ChainReport;
import dev.airlock.ledger.LedgerChain;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.ledger.LedgerEntryCodec;
import dev.airlock.ledger.LedgerTamperedException;
import dev.airlock.ledger.TestChains;
import dev.airlock.spi.LedgerConflictException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileLedgerTest {
    @TempDir
    Path directory;

    private final List<LedgerEntry> chain = TestChains.chain(6);

    private Path file() {
        return directory.resolve("ledger.jsonl");
    }

    private LocalFileLedger ledgerWith(int entries) {
        LocalFileLedger ledger = LocalFileLedger.open(file());
        chain.subList(0, entries).forEach(ledger::append);
        return ledger;
    }

    @Test
    void newLedger_isEmpty() {
        LocalFileLedger ledger = LocalFileLedger.open(directory.resolve("nested/dir/ledger.jsonl"));

        assertEquals(0, ledger.lastSequence());
        assertEquals(List.of(), ledger.read(1));
    }

    @Test
    void append_isDurable_anotherInstanceReadsTheSameEntries() {
        ledgerWith(4);

        LocalFileLedger reopened = LocalFileLedger.open(file());

        assertEquals(chain.subList(0, 4), reopened.read(1));
        assertEquals(4, reopened.lastSequence());
    }

    @Test
    void append_writesOneJsonLinePerEntry() throws IOException {
        ledgerWith(3);

        List<String> lines = Files.readAllLines(file());

        assertEquals(3, lines.size());
        assertEquals(LedgerEntryCodec.toJson(chain.get(2)), lines.get(2));
    }

    @Test
    void read_fromSequence_returnsThatEntryAndLaterOnes() {
        LocalFileLedger ledger = ledgerWith(5);

        assertEquals(chain.subList(2, 5), ledger.read(3));
        assertEquals(List.of(chain.get(4)), ledger.read(5));
        assertEquals(List.of(), ledger.read(6));
    }

    @Test
    void read_seesEntriesAppendedByAnotherInstance() {
        LocalFileLedger reader = ledgerWith(2);
        LocalFileLedger writer = LocalFileLedger.open(file());

        writer.append(chain.get(2));

        assertEquals(3, reader.lastSequence());
        assertEquals(chain.subList(0, 3), reader.read(1));
    }

    @Test
    void append_whenSequenceAlreadyTaken_isARetryableConflict() {
        LocalFileLedger first = ledgerWith(2);
        LocalFileLedger second = LocalFileLedger.open(file());
        first.append(chain.get(2));
        LedgerEntry competing = LedgerChain.next(chain.get(1), TestChains.draft(42), TestChains.START);

        LedgerConflictException e = assertThrows(LedgerConflictException.class, () -> second.append(competing));

        assertEquals(3, e.sequence());
        assertTrue(e.retryable());
        assertEquals(chain.subList(0, 3), second.read(1));
    }

    @Test
    void append_whenSequenceSkipsAhead_refusesAsInvalid() {
        LocalFileLedger ledger = ledgerWith(2);

        InvalidValueException e = assertThrows(InvalidValueException.class, () -> ledger.append(chain.get(3)));

        assertEquals("sequence", e.field());
        assertEquals(2, ledger.lastSequence());
    }

    @Test
    void append_whenEntryNotChainedToTheLast_refusesAsInvalid() {
        LocalFileLedger ledger = ledgerWith(2);
        LedgerEntry unchained = TestChains.renumbered(chain.get(2), 3, chain.get(0).hash());

        InvalidValueException e = assertThrows(InvalidValueException.class, () -> ledger.append(unchained));

        assertEquals("previousHash", e.field());
    }

    @Test
    void read_whenLastLineTorn_reportsFileLineAndWhatToDo() throws IOException {
        ledgerWith(3);
        String partial = LedgerEntryCodec.toJson(chain.get(3)).substring(0, 40);
        Files.writeString(file(), partial, StandardOpenOption.APPEND);

        CorruptLedgerException e = assertThrows(CorruptLedgerException.class,
                () -> LocalFileLedger.open(file()).read(1));

        long offset = Files.size(file()) - partial.length();
        String fingerprint = Digest.of(partial.getBytes(StandardCharsets.UTF_8)).hex().substring(0, 12);
        assertEquals(file() + ":4: the last line is incomplete (40 bytes without a line end): an append was"
                + " interrupted, probably by a crash, and its entry was never acknowledged. Reads and appends are"
                + " refused until it is removed: run `airlock ledger repair` (Ledger.repair() from Java), which"
                + " moves it to " + file() + ".torn-" + offset + "-" + fingerprint + ", or delete the partial last"
                + " line by hand", e.getMessage());
        assertEquals(4, e.line());
        assertTrue(e.tornTail());
        assertFalse(e.retryable());
    }

    @Test
    void append_whenLastLineTorn_refusesAndLeavesTheFileAsItWas() throws IOException {
        LocalFileLedger ledger = ledgerWith(3);
        Files.writeString(file(), "{\"sequence\":4,\"ti", StandardOpenOption.APPEND);
        byte[] before = Files.readAllBytes(file());

        assertThrows(CorruptLedgerException.class, () -> ledger.append(chain.get(3)));

        assertEquals(new String(before, StandardCharsets.UTF_8),
                new String(Files.readAllBytes(file()), StandardCharsets.UTF_8));
    }

    @Test
    void read_whenLastCompleteLineIsGarbage_reportsItAsTorn() throws IOException {
        ledgerWith(2);
        Files.writeString(file(), "\u0000\u0000\u0000garbage\n", StandardOpenOption.APPEND);

        CorruptLedgerException e = assertThrows(CorruptLedgerException.class,
                () -> LocalFileLedger.open(file()).lastSequence());

        assertTrue(e.tornTail());
        assertTrue(e.getMessage().startsWith(file() + ":3: the last line cannot be read (malformed ledger entry: not"
                + " valid JSON"), e.getMessage());
    }

    @Test
    void repairTornTail_movesTheTornBytesAsideAndAppendsWorkAgain() throws IOException {
        LocalFileLedger ledger = ledgerWith(3);
        long intactSize = Files.size(file());
        String partial = "{\"sequence\":4,\"time\":\"2026";
        Files.writeString(file(), partial, StandardOpenOption.APPEND);

        Path movedTo = ledger.repairTornTail().orElseThrow();

        assertEquals(partial, Files.readString(movedTo));
        assertEquals(file().resolveSibling("ledger.jsonl.torn-" + intactSize + "-"
                + Digest.of(partial.getBytes(StandardCharsets.UTF_8)).hex().substring(0, 12)), movedTo);
        assertEquals(intactSize, Files.size(file()));
        ledger.append(chain.get(3));
        assertTrue(LocalFileLedger.open(file()).verify().ok());
        assertEquals(chain.subList(0, 4), LocalFileLedger.open(file()).read(1));
    }

    @Test
    void repairTornTail_whenTornAgainAtTheSameOffset_keepsBothRemovedTails() throws IOException {
        LocalFileLedger ledger = ledgerWith(2);
        long intactSize = Files.size(file());
        Files.writeString(file(), "{\"first crash", StandardOpenOption.APPEND);
        Path first = ledger.repairTornTail().orElseThrow();
        Files.writeString(file(), "{\"second crash", StandardOpenOption.APPEND);

        Path second = ledger.repairTornTail().orElseThrow();

        assertEquals(intactSize, Files.size(file()));
        assertEquals("{\"first crash", Files.readString(first));
        assertEquals("{\"second crash", Files.readString(second));
    }

    @Test
    void repairTornTail_whenIntact_changesNothing() throws IOException {
        LocalFileLedger ledger = ledgerWith(3);
        long size = Files.size(file());

        assertEquals(Optional.empty(), ledger.repairTornTail());
        assertEquals(size, Files.size(file()));
    }

    @Test
    void read_whenAMiddleLineIsCorrupt_reportsItAndRepairRefuses() throws IOException {
        ledgerWith(4);
        List<String> lines = new ArrayList<>(Files.readAllLines(file()));
        lines.set(1, lines.get(1).replace("\"sequence\":2", "\"sequence\":two"));
        Files.write(file(), lines);
        LocalFileLedger ledger = LocalFileLedger.open(file());

        CorruptLedgerException e = assertThrows(CorruptLedgerException.class, () -> ledger.read(1));
        assertEquals(2, e.line());
        assertFalse(e.tornTail());
        assertTrue(e.getMessage().startsWith(file() + ":2: malformed ledger entry: not valid JSON"), e.getMessage());
        assertTrue(e.getMessage().contains("Restore it from a backup"), e.getMessage());

        assertThrows(CorruptLedgerException.class, ledger::repairTornTail);
    }

    @Test
    void read_whenFileEditedInPlaceAfterReading_returnsWhatIsOnDiskAndVerifyCatchesIt() throws IOException {
        LocalFileLedger ledger = ledgerWith(4);
        assertTrue(LedgerChain.verify(ledger.read(1)).ok());
        String text = Files.readString(file());
        // Same length, so only the modification time tells the cache that the file changed.
        Files.writeString(file(), text.replace("\"principal\":\"user-2\"", "\"principal\":\"user-X\""));

        ChainReport report = LedgerChain.verify(ledger.read(1));

        assertEquals(BrokenLink.Kind.EDITED, report.firstBrokenLink().orElseThrow().kind());
        assertEquals(2, report.firstBrokenLink().orElseThrow().sequence());
    }

    @Test
    void verify_rereadsTheWholeFile() throws IOException {
        LocalFileLedger ledger = ledgerWith(4);
        List<String> lines = new ArrayList<>(Files.readAllLines(file()));
        lines.set(0, lines.get(0).replace("user-1", "user-9"));
        Files.write(file(), lines);

        ChainReport report = ledger.verify();

        assertEquals("entry 1 was edited: its hash does not match its content",
                report.firstBrokenLink().orElseThrow().message());
    }

    @Test
    void verify_whenLastEntriesDeletedBehindItsBack_reportsTruncation() throws IOException {
        LocalFileLedger ledger = ledgerWith(5);
        List<String> lines = Files.readAllLines(file());
        Files.write(file(), lines.subList(0, 3));

        ChainReport report = ledger.verify();

        BrokenLink link = report.firstBrokenLink().orElseThrow();
        assertEquals(BrokenLink.Kind.TRUNCATED, link.kind());
        assertEquals("the ledger ends at entry 3 but the expected head is entry 5: entries 4 to 5 were deleted from"
                + " the end", link.message());
    }

    @Test
    void append_whenEntriesRemovedBehindItsBack_refusesSoTheRemovalCannotBeCoveredUp() throws IOException {
        LocalFileLedger ledger = ledgerWith(4);
        List<String> lines = Files.readAllLines(file());
        Files.write(file(), lines.subList(0, 3));

        LedgerTamperedException e = assertThrows(LedgerTamperedException.class, () -> ledger.append(chain.get(3)));

        assertTrue(e.getMessage().startsWith("ledger tampered: " + file() + ": the ledger ends at entry 3 but entry 4"
                + " was appended or read before"), e.getMessage());
        assertEquals(BrokenLink.Kind.TRUNCATED, e.brokenLink().kind());
    }

    @Test
    void read_byAnotherProcess_whenEntriesWereCutFromTheEnd_isRefused() throws IOException {
        ledgerWith(4);
        List<String> lines = Files.readAllLines(file());
        Files.write(file(), lines.subList(0, 2));
        LocalFileLedger fresh = LocalFileLedger.open(file());

        LedgerTamperedException e = assertThrows(LedgerTamperedException.class, () -> fresh.append(chain.get(2)));

        assertTrue(e.getMessage().contains("the ledger ends at entry 2 but entry 4 was appended or read before (the "
                + "head file beside the ledger"), e.getMessage());
        assertEquals(BrokenLink.Kind.TRUNCATED, fresh.verify().brokenLink().kind());
    }

    /** Line 1 is made unreadable: a reader that read the file from the start would fail on it. */
    @Test
    void read_fromACheckpointsEntry_seeksToItsLineAndReadsOnlyTheTail() throws IOException {
        ledgerWith(5);
        List<String> lines = new ArrayList<>(Files.readAllLines(file()));
        String intact = lines.get(0);
        lines.set(0, "{\"sequence\":1,\"damaged\": true}");
        Files.write(file(), lines);
        LocalFileLedger fresh = LocalFileLedger.open(file());

        assertEquals(chain.subList(3, 5), fresh.read(4));
        assertThrows(CorruptLedgerException.class, () -> fresh.read(1));
        lines.set(0, intact);
        Files.write(file(), lines);
        assertEquals(5, fresh.lastSequence());
        assertEquals(chain.subList(0, 5), fresh.read(1));
    }

    @Test
    void append_whenLastEntryRewrittenBehindItsBack_refuses() throws IOException {
        LocalFileLedger ledger = ledgerWith(3);
        List<String> lines = new ArrayList<>(Files.readAllLines(file()));
        LedgerEntry forged = LedgerChain.next(chain.get(1), TestChains.draft(77), TestChains.START);
        lines.set(2, LedgerEntryCodec.toJson(forged));
        Files.write(file(), lines);

        LedgerTamperedException e = assertThrows(LedgerTamperedException.class,
                () -> ledger.append(LedgerChain.next(forged, TestChains.draft(78), TestChains.START)));

        assertTrue(e.getMessage().contains("entry 3 is not the entry appended or read before"), e.getMessage());
    }

    /** A deleted ledger is not a new, empty one: its head file (and this process) remember entry 2. */
    @Test
    void read_whenFileDeletedBehindItsBack_isRefused() throws IOException {
        LocalFileLedger ledger = ledgerWith(2);
        Files.delete(file());

        LedgerTamperedException e = assertThrows(LedgerTamperedException.class, ledger::lastSequence);
        LedgerTamperedException fresh = assertThrows(LedgerTamperedException.class,
                () -> LocalFileLedger.open(file()).read(1));

        assertTrue(e.getMessage().contains("the ledger ends at entry 0 but entry 2 was appended"), e.getMessage());
        assertEquals(e.getMessage(), fresh.getMessage());
    }
}
