package dev.airlock.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.artifact.Digest;
import dev.airlock.ledger.BrokenLink;
import dev.airlock.ledger.EntryType;
import dev.airlock.ledger.LedgerChain;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.ledger.LedgerTamperedException;
import dev.airlock.spi.Ledger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An entry forged with correctly recomputed hashes but content Airlock never writes (a lease with no
 * fencing token) is damage to the ledger, reported by its sequence, not bad input from the user.
 */
class UnreadableEntryTest {
    @TempDir
    Path root;

    @Test
    void aRechainedForgery_thatIsNotAnEntryAirlockWrites_isRefusedByItsSequence() {
        EngineFixture fixture = new EngineFixture(root);
        Digest digest = EngineFixture.register(fixture.engine(), "1.0");
        Ledger ledger = fixture.backend.ledger();
        List<LedgerEntry> entries = ledger.read(1);
        LedgerEntry forged = LedgerChain.next(entries.get(entries.size() - 1), new LedgerEntry.Draft(
                EntryType.LEASED, "mallory", "prod", digest, "p-1", Map.of("expiresAt", "2026-03-03T10:00:00Z")),
                EngineFixture.T0);
        ledger.append(forged);

        LedgerTamperedException e = assertThrows(LedgerTamperedException.class, () -> fixture.restart().status());

        assertEquals(BrokenLink.Kind.UNREADABLE, e.brokenLink().kind());
        assertEquals(forged.sequence(), e.brokenLink().sequence());
        assertTrue(e.getMessage().contains("entry " + forged.sequence() + " (LEASED) chains correctly but is not an"
                + " entry Airlock writes"), e.getMessage());
    }
}
