package dev.airlock.cli;

import dev.airlock.config.AirlockConfiguration;
import dev.airlock.ledger.EntryType;
import dev.airlock.ledger.LedgerChain;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.local.LocalFileLedger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What the local backend's ledger holds after a promoter took an environment's lease and its process
 * died: the decision and the lease, nothing after. Written with the same chain rules the engine uses,
 * for the digest of the ledger's last entry.
 */
final class LocalDeadPromoter {
    private LocalDeadPromoter() {
    }

    /** Appends alice's decision and lease on {@code environment}, held for 15 minutes; returns the promotion id. */
    static String diedHoldingTheLease(Path config, Path state, String environment) {
        LocalFileLedger ledger = LocalFileLedger.open(state.resolve("ledger.jsonl"));
        LedgerEntry last = ledger.read(ledger.lastSequence()).get(0);
        String promotionId = "crashed-promotion";
        Instant now = Instant.now();
        Map<String, String> decision = new HashMap<>(Map.of("idempotencyKey", "crashed", "outcome", "ALLOWED"));
        AirlockConfiguration.load(config).landscape().graph().predecessors(environment).stream().findFirst()
                .ifPresent(source -> decision.put("source", source));
        LedgerEntry decided = LedgerChain.next(last, new LedgerEntry.Draft(EntryType.DECIDED, "alice", environment,
                last.digest(), promotionId, decision), now);
        ledger.append(decided);
        ledger.append(LedgerChain.next(decided, new LedgerEntry.Draft(EntryType.LEASED, "alice", environment,
                last.digest(), promotionId, Map.of("token", "1", "expiresAt", now.plusSeconds(900).toString())), now));
        return promotionId;
    }
}
