package dev.airlock.ledger;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Walks a chain from a known head (the empty head for a whole ledger) and reports the first link that
 * does not hold.
 */
final class ChainVerifier {

    private ChainVerifier() {
    }

    static ChainReport verify(List<LedgerEntry> entries, @Nullable LedgerHead expectedHead) {
        return verify(LedgerHead.empty(), entries, expectedHead);
    }

    /** {@code entries} must follow {@code from}: the first is entry {@code from.sequence() + 1}. */
    static ChainReport verify(LedgerHead from, List<LedgerEntry> entries, @Nullable LedgerHead expectedHead) {
        long base = from.sequence();
        String previousHash = from.hash();
        for (int index = 0; index < entries.size(); index++) {
            LedgerEntry entry = entries.get(index);
            long expected = base + index + 1L;
            long position = index + 1L;
            // Content first: an edited sequence number is an edit, not a gap or a reordering.
            if (!entry.hash().equals(LedgerChain.expectedHash(entry))) {
                return broken(index, new BrokenLink(entry.sequence(), position, BrokenLink.Kind.EDITED,
                        "entry " + entry.sequence() + " was edited: its hash does not match its content"));
            }
            if (entry.sequence() != expected) {
                return broken(index, outOfPlace(entries, index, base));
            }
            if (!entry.previousHash().equals(previousHash)) {
                return broken(index, new BrokenLink(expected, position, BrokenLink.Kind.PREVIOUS_HASH_MISMATCH,
                        expected == 1
                                ? "entry 1's previous hash is not the genesis hash: it does not start the chain"
                                : "entry " + expected + "'s previous hash does not match entry " + (expected - 1)
                                        + ": an entry was replaced or inserted and its hash recomputed"));
            }
            previousHash = entry.hash();
        }
        return expectedHead == null ? ChainReport.intact(entries.size()) : checkHead(base, entries, expectedHead);
    }

    private static BrokenLink outOfPlace(List<LedgerEntry> entries, int index, long base) {
        long expected = base + index + 1L;
        long position = index + 1L;
        long actual = entries.get(index).sequence();
        if (actual < expected) {
            return new BrokenLink(expected, position, BrokenLink.Kind.DUPLICATED, "entry " + actual
                    + " appears again at position " + position + ", after entry " + (expected - 1)
                    + ": an entry was inserted or duplicated");
        }
        for (int later = index + 1; later < entries.size(); later++) {
            if (entries.get(later).sequence() == expected) {
                return new BrokenLink(expected, position, BrokenLink.Kind.REORDERED, "entries were reordered: entry "
                        + actual + " is at position " + position + " where entry " + expected
                        + " belongs, and entry " + expected + " comes later, at position " + (later + 1));
            }
        }
        String missing = actual == expected + 1 ? "entry " + expected + " is missing"
                : "entries " + expected + " to " + (actual - 1) + " are missing";
        String follows = expected == 1 ? "the ledger starts at entry " + actual
                : "entry " + actual + " does not follow entry " + (expected - 1);
        return new BrokenLink(expected, position, BrokenLink.Kind.MISSING, follows + ": " + missing);
    }

    private static ChainReport checkHead(long base, List<LedgerEntry> entries, LedgerHead head) {
        long last = base + entries.size();
        if (head.sequence() > last) {
            String deleted = head.sequence() == last + 1 ? "entry " + head.sequence() + " was"
                    : "entries " + (last + 1) + " to " + head.sequence() + " were";
            return new ChainReport(entries.size(), new BrokenLink(last + 1, entries.size() + 1L,
                    BrokenLink.Kind.TRUNCATED,
                    "the ledger ends at entry " + last + " but the expected head is entry " + head.sequence() + ": "
                            + deleted + " deleted from the end"));
        }
        if (head.sequence() > base) {
            LedgerEntry atHead = entries.get((int) (head.sequence() - base - 1));
            if (!atHead.hash().equals(head.hash())) {
                return new ChainReport(entries.size(), new BrokenLink(head.sequence(), head.sequence() - base,
                        BrokenLink.Kind.HEAD_MISMATCH, "entry " + head.sequence() + "'s hash "
                                + shortHash(atHead.hash())
                                + " is not the expected head's " + shortHash(head.hash())
                                + ": the ledger was rewritten at or before entry " + head.sequence()));
            }
        }
        return ChainReport.intact(entries.size());
    }

    private static ChainReport broken(int index, BrokenLink link) {
        return new ChainReport(index, link);
    }

    private static String shortHash(String hash) {
        return hash.substring(0, Math.min(12, hash.length()));
    }
}
