package dev.airlock.ledger;

import static dev.airlock.ledger.TestChains.chain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LedgerChainVerifyTest {

    @Test
    void verify_whenChainIntact_isOkAndCountsEveryEntry() {
        ChainReport report = LedgerChain.verify(chain(10));

        assertTrue(report.ok());
        assertEquals(10, report.entriesChecked());
        assertTrue(report.firstBrokenLink().isEmpty());
        assertEquals("ledger intact: 10 entries", report.summary());
    }

    @Test
    void verify_whenEmpty_isOk() {
        assertTrue(LedgerChain.verify(List.of()).ok());
        assertTrue(LedgerChain.verify(List.of(), LedgerHead.empty()).ok());
    }

    @Test
    void verify_whenEntryEdited_reportsTheEditedEntry() {
        List<LedgerEntry> entries = new ArrayList<>(chain(10));
        entries.set(6, TestChains.withPrincipal(entries.get(6), "mallory"));

        BrokenLink link = brokenLink(entries);

        assertEquals(BrokenLink.Kind.EDITED, link.kind());
        assertEquals(7, link.sequence());
        assertEquals(7, link.position());
        assertEquals("entry 7 was edited: its hash does not match its content", link.message());
        assertEquals(6, LedgerChain.verify(entries).entriesChecked());
    }

    @Test
    void verify_whenEntryEditedAndRehashed_reportsTheNextEntrysLink() {
        List<LedgerEntry> entries = new ArrayList<>(chain(10));
        entries.set(6, TestChains.rehashedWithPrincipal(entries.get(6), "mallory"));

        BrokenLink link = brokenLink(entries);

        assertEquals(BrokenLink.Kind.PREVIOUS_HASH_MISMATCH, link.kind());
        assertEquals(8, link.sequence());
        assertEquals("entry 8's previous hash does not match entry 7: an entry was replaced or inserted and its hash"
                + " recomputed", link.message());
    }

    @Test
    void verify_whenDetailsEdited_reportsEdit() {
        List<LedgerEntry> entries = new ArrayList<>(chain(5));
        LedgerEntry original = entries.get(2);
        entries.set(2, new LedgerEntry(original.sequence(), original.time(), original.type(), original.principal(),
                original.environment(), original.digest(), original.promotionId(), Map.of("n", "3"),
                original.previousHash(), original.hash()));

        assertEquals(BrokenLink.Kind.EDITED, brokenLink(entries).kind());
        assertEquals(3, brokenLink(entries).sequence());
    }

    @Test
    void verify_whenEntryDeleted_reportsTheMissingEntry() {
        List<LedgerEntry> entries = new ArrayList<>(chain(10));
        entries.remove(5);

        BrokenLink link = brokenLink(entries);

        assertEquals(BrokenLink.Kind.MISSING, link.kind());
        assertEquals(6, link.sequence());
        assertEquals("entry 7 does not follow entry 5: entry 6 is missing", link.message());
    }

    @Test
    void verify_whenSeveralEntriesDeleted_namesTheRange() {
        List<LedgerEntry> entries = new ArrayList<>(chain(10));
        entries.subList(3, 6).clear();

        assertEquals("entry 7 does not follow entry 3: entries 4 to 6 are missing", brokenLink(entries).message());
    }

    @Test
    void verify_whenFirstEntryDeleted_saysTheLedgerStartsLate() {
        List<LedgerEntry> entries = new ArrayList<>(chain(4));
        entries.remove(0);

        assertEquals("the ledger starts at entry 2: entry 1 is missing", brokenLink(entries).message());
    }

    @Test
    void verify_whenEntryDeletedAndLaterOnesRenumbered_reportsTheBrokenLink() {
        List<LedgerEntry> entries = new ArrayList<>(chain(6));
        entries.remove(2);
        entries.set(2, TestChains.renumbered(entries.get(2), 3, entries.get(2).previousHash()));

        BrokenLink link = brokenLink(entries);

        assertEquals(BrokenLink.Kind.PREVIOUS_HASH_MISMATCH, link.kind());
        assertEquals(3, link.sequence());
    }

    @Test
    void verify_whenEntriesSwapped_reportsReordering() {
        List<LedgerEntry> entries = new ArrayList<>(chain(10));
        Collections.swap(entries, 3, 4);

        BrokenLink link = brokenLink(entries);

        assertEquals(BrokenLink.Kind.REORDERED, link.kind());
        assertEquals(4, link.sequence());
        assertEquals("entries were reordered: entry 5 is at position 4 where entry 4 belongs, and entry 4 comes"
                + " later, at position 5", link.message());
    }

    @Test
    void verify_whenLastEntryMovedFirst_reportsReordering() {
        List<LedgerEntry> entries = new ArrayList<>(chain(5));
        Collections.rotate(entries, 1);

        assertEquals(BrokenLink.Kind.REORDERED, brokenLink(entries).kind());
        assertEquals(1, brokenLink(entries).sequence());
    }

    @Test
    void verify_whenForgedEntryInserted_reportsTheDuplicateSequence() {
        List<LedgerEntry> entries = new ArrayList<>(chain(10));
        LedgerEntry forged = LedgerChain.next(entries.get(4), TestChains.draft(99), TestChains.START);
        entries.add(5, forged);

        BrokenLink link = brokenLink(entries);

        assertEquals(BrokenLink.Kind.DUPLICATED, link.kind());
        assertEquals(7, link.sequence());
        assertEquals("entry 6 appears again at position 7, after entry 6: an entry was inserted or duplicated",
                link.message());
    }

    @Test
    void verify_whenInsertedAndFollowingEntriesRenumbered_reportsTheBrokenLink() {
        List<LedgerEntry> entries = new ArrayList<>(chain(8));
        LedgerEntry forged = LedgerChain.next(entries.get(4), TestChains.draft(99), TestChains.START);
        List<LedgerEntry> tampered = new ArrayList<>(entries.subList(0, 5));
        tampered.add(forged);
        for (LedgerEntry later : entries.subList(5, 8)) {
            tampered.add(TestChains.renumbered(later, later.sequence() + 1, later.previousHash()));
        }

        BrokenLink link = brokenLink(tampered);

        assertEquals(BrokenLink.Kind.PREVIOUS_HASH_MISMATCH, link.kind());
        assertEquals(7, link.sequence());
    }

    @Test
    void verify_whenEntryDuplicated_reportsDuplicate() {
        List<LedgerEntry> entries = new ArrayList<>(chain(5));
        entries.add(3, entries.get(2));

        assertEquals(BrokenLink.Kind.DUPLICATED, brokenLink(entries).kind());
    }

    @Test
    void verify_whenFirstEntryDoesNotStartAtGenesis_reportsIt() {
        List<LedgerEntry> entries = new ArrayList<>(chain(3));
        entries.set(0, TestChains.renumbered(entries.get(0), 1, "1".repeat(64)));

        BrokenLink link = brokenLink(entries);

        assertEquals(BrokenLink.Kind.PREVIOUS_HASH_MISMATCH, link.kind());
        assertEquals("entry 1's previous hash is not the genesis hash: it does not start the chain", link.message());
    }

    @Test
    void verify_whenLastEntryDeleted_cannotTellWithoutAnExpectedHead() {
        List<LedgerEntry> entries = new ArrayList<>(chain(10));
        entries.remove(9);

        // A documented limit of hash chains: a shorter prefix is itself a valid chain.
        assertTrue(LedgerChain.verify(entries).ok());
    }

    @Test
    void verify_whenLastEntriesDeleted_reportsTruncationAgainstTheExpectedHead() {
        List<LedgerEntry> full = chain(10);
        LedgerHead head = LedgerChain.head(full);
        List<LedgerEntry> entries = new ArrayList<>(full.subList(0, 8));

        ChainReport report = LedgerChain.verify(entries, head);

        assertFalse(report.ok());
        BrokenLink link = report.firstBrokenLink().orElseThrow();
        assertEquals(BrokenLink.Kind.TRUNCATED, link.kind());
        assertEquals(9, link.sequence());
        assertEquals("the ledger ends at entry 8 but the expected head is entry 10: entries 9 to 10 were deleted"
                + " from the end", link.message());
        assertEquals(8, report.entriesChecked());
    }

    @Test
    void verify_whenChainRewrittenWithRecomputedHashes_reportsHeadMismatch() {
        List<LedgerEntry> original = chain(6);
        LedgerHead head = LedgerChain.head(original);
        List<LedgerEntry> rewritten = new ArrayList<>(original.subList(0, 3));
        LedgerEntry previous = rewritten.get(2);
        for (int i = 4; i <= 6; i++) {
            previous = LedgerChain.next(previous, TestChains.draft(100 + i), TestChains.START);
            rewritten.add(previous);
        }
        assertTrue(LedgerChain.verify(rewritten).ok(), "a full rewrite is a valid chain on its own");

        BrokenLink link = LedgerChain.verify(rewritten, head).firstBrokenLink().orElseThrow();

        assertEquals(BrokenLink.Kind.HEAD_MISMATCH, link.kind());
        assertEquals(6, link.sequence());
    }

    @Test
    void verify_whenLedgerGrewPastTheExpectedHead_isOk() {
        List<LedgerEntry> entries = chain(10);

        assertTrue(LedgerChain.verify(entries, LedgerHead.of(entries.get(6))).ok());
    }

    @Test
    void verify_reportsOnlyTheFirstBrokenLink() {
        List<LedgerEntry> entries = new ArrayList<>(chain(10));
        entries.set(8, TestChains.withPrincipal(entries.get(8), "mallory"));
        entries.remove(2);

        assertEquals(3, brokenLink(entries).sequence());
    }

    @Test
    void summary_whenBroken_namesIntactCountAndProblem() {
        List<LedgerEntry> entries = new ArrayList<>(chain(10));
        entries.set(6, TestChains.withPrincipal(entries.get(6), "mallory"));

        assertEquals("ledger broken after 6 intact entries: entry 7 was edited: its hash does not match its content",
                LedgerChain.verify(entries).summary());
    }

    private static BrokenLink brokenLink(List<LedgerEntry> entries) {
        ChainReport report = LedgerChain.verify(entries);
        assertFalse(report.ok(), "expected a broken chain");
        return report.firstBrokenLink().orElseThrow();
    }
}
