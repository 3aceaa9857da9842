package dev.airlock.ledger;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.InvalidValueException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerChainRequireFollowsTest {
    private final List<LedgerEntry> chain = TestChains.chain(3);

    @Test
    void requireFollows_whenNextLink_accepts() {
        assertDoesNotThrow(() -> LedgerChain.requireFollows(null, chain.get(0)));
        assertDoesNotThrow(() -> LedgerChain.requireFollows(chain.get(0), chain.get(1)));
    }

    @Test
    void requireFollows_whenSequenceSkips_namesTheExpectedSequence() {
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> LedgerChain.requireFollows(chain.get(0), chain.get(2)));

        assertEquals("sequence", e.field());
        assertTrue(e.getMessage().contains("must be 2"), e.getMessage());
    }

    @Test
    void requireFollows_whenPreviousHashIsAnotherEntrys_refuses() {
        LedgerEntry stale = TestChains.renumbered(chain.get(1), 3, chain.get(0).hash());

        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> LedgerChain.requireFollows(chain.get(1), stale));

        assertEquals("previousHash", e.field());
    }

    @Test
    void requireFollows_whenHashDoesNotMatchContent_refuses() {
        LedgerEntry edited = TestChains.withPrincipal(chain.get(1), "mallory");

        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> LedgerChain.requireFollows(chain.get(0), edited));

        assertEquals("hash", e.field());
    }
}
