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
 * An entry forged with correctly recomputed hashes but content Airlock never writes (an approval with
 * no policy version) is damage to the ledger, reported by its sequence, not bad input from the user.
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
                EntryType.APPROVED, "mallory", "prod", digest, null, Map.of("groups", "release-managers")),
                EngineFixture.T0);
        ledger.append(forged);

        LedgerTamperedException e = assertThrows(LedgerTamperedException.class, () -> fixture.restart().status());

        assertEquals(BrokenLink.Kind.UNREADABLE, e.brokenLink().kind());
        assertEquals(forged.sequence(), e.brokenLink().sequence());
        assertTrue(e.getMessage().contains("entry " + forged.sequence() + " (APPROVED) chains correctly but is not an"
                + " entry Airlock writes"), e.getMessage());
    }
}
