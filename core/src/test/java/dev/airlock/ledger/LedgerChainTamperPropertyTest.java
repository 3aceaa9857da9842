package dev.airlock.ledger;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class LedgerChainTamperPropertyTest {

    @Property(tries = 200)
    void anyEditedEntry_isDetected(@ForAll @IntRange(min = 1, max = 30) int length,
            @ForAll @IntRange(min = 0, max = 29) int at) {
        List<LedgerEntry> entries = new ArrayList<>(TestChains.chain(length));
        int index = at % length;
        entries.set(index, TestChains.withPrincipal(entries.get(index), "mallory"));

        assertFalse(LedgerChain.verify(entries).ok());
    }

    @Property(tries = 200)
    void anyDeletedEntryButTheLast_isDetected(@ForAll @IntRange(min = 2, max = 30) int length,
            @ForAll @IntRange(min = 0, max = 28) int at) {
        List<LedgerEntry> entries = new ArrayList<>(TestChains.chain(length));
        entries.remove(at % (length - 1));

        assertFalse(LedgerChain.verify(entries).ok());
    }

    @Property(tries = 200)
    void anyDeletedEntryIncludingTheLast_isDetectedAgainstTheHead(@ForAll @IntRange(min = 1, max = 30) int length,
            @ForAll @IntRange(min = 0, max = 29) int at) {
        List<LedgerEntry> full = TestChains.chain(length);
        List<LedgerEntry> entries = new ArrayList<>(full);
        entries.remove(at % length);

        assertFalse(LedgerChain.verify(entries, LedgerChain.head(full)).ok());
    }

    @Property(tries = 200)
    void anySwapOfTwoEntries_isDetected(@ForAll @IntRange(min = 2, max = 30) int length,
            @ForAll @IntRange(min = 0, max = 29) int first, @ForAll @IntRange(min = 1, max = 29) int distance) {
        List<LedgerEntry> entries = new ArrayList<>(TestChains.chain(length));
        int i = first % length;
        int j = (i + 1 + distance % (length - 1)) % length;
        if (i == j) {
            j = (i + 1) % length;
        }
        Collections.swap(entries, i, j);

        assertFalse(LedgerChain.verify(entries).ok());
    }

    @Property(tries = 200)
    void anyEntryInsertedBetweenTwoOthers_isDetected(@ForAll @IntRange(min = 2, max = 30) int length,
            @ForAll @IntRange(min = 0, max = 28) int after) {
        List<LedgerEntry> entries = new ArrayList<>(TestChains.chain(length));
        int index = after % (length - 1);
        LedgerEntry forged = LedgerChain.next(entries.get(index), TestChains.draft(1000), TestChains.START);
        entries.add(index + 1, forged);

        assertFalse(LedgerChain.verify(entries).ok());
    }
}
