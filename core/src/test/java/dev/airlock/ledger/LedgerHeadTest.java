package dev.airlock.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.airlock.InvalidValueException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerHeadTest {

    @Test
    void head_ofEntries_isTheLastEntry() {
        List<LedgerEntry> entries = TestChains.chain(3);

        assertEquals(new LedgerHead(3, entries.get(2).hash()), LedgerChain.head(entries));
        assertEquals(LedgerHead.empty(), LedgerChain.head(List.of()));
    }

    @Test
    void head_whenHashIsNotHex_namesTheRule() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> new LedgerHead(3, "abc"));

        assertEquals("hash: 'abc' must be 64 lowercase hex digits", e.getMessage());
    }

    @Test
    void head_ofEmptyLedger_mustBeGenesis() {
        assertThrows(InvalidValueException.class, () -> new LedgerHead(0, "1".repeat(64)));
        assertThrows(InvalidValueException.class, () -> new LedgerHead(-1, LedgerChain.GENESIS));
    }
}
