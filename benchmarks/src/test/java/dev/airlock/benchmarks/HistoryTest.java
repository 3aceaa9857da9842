package dev.airlock.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.attestation.InMemoryKeys;
import dev.airlock.config.AirlockConfiguration;
import dev.airlock.ledger.Checkpoint;
import dev.airlock.ledger.EntryType;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.promotion.PromotionEngine;
import dev.airlock.testkit.InMemoryLedger;
import dev.airlock.testkit.ManualClock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The histories the cold-start figures are measured on are what the engine writes, and what they claim. */
class HistoryTest {
    /** Every principal's and builder's signing key, made on first use. */
    private static final InMemoryKeys KEYS = new InMemoryKeys();

    private final AirlockConfiguration configuration = AirlockConfiguration.parse("history.yaml",
            LocalHistory.CONFIGURATION, false);
    private final InMemoryLedger ledger = new InMemoryLedger();

    @Test
    void fillTo_writesExactlyThatManyEntries_withTheEngineCheckpoints() {
        new History(configuration.landscape(), configuration.guardrails(), ledger,
                ManualClock.at("2024-01-01T08:00:00Z"), 500, KEYS, KEYS).fillTo(1_234);

        assertEquals(1_234, ledger.lastSequence());
        assertEquals(List.of(500L, 1_000L), ledger.checkpoints(0).stream().map(Checkpoint::sequence).toList());
    }

    @Test
    void fillTo_writesEveryKindOfStepAPromotionRecords_andAChainTheFullAuditAccepts() {
        new History(configuration.landscape(), configuration.guardrails(), ledger,
                ManualClock.at("2024-01-01T08:00:00Z"), 500, KEYS, KEYS).fillTo(1_000);

        Set<EntryType> types = ledger.read(1).stream().map(LedgerEntry::type).collect(Collectors.toSet());
        assertTrue(types.containsAll(Set.of(EntryType.REGISTERED, EntryType.DECIDED, EntryType.LEASED,
                EntryType.TRANSFERRED, EntryType.PROMOTED, EntryType.RELEASED, EntryType.VERIFIED,
                EntryType.APPROVED)), "entry types written: " + types);
        PromotionEngine cold = PromotionEngine.builder().keyring(KEYS).signers(KEYS).landscape(configuration.landscape())
                .guardrails(configuration.guardrails()).store(new History.NoCopy()).access(new History.NoAccess())
                .ledger(ledger).build();
        assertTrue(cold.verifyLedger().ok(), "every checkpoint's state is the state its entries produce");
    }
}
