package dev.airlock.ledger;

import dev.airlock.artifact.Digest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Valid chains to tamper with. */
public final class TestChains {
    public static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    private TestChains() {
    }

    /** A valid chain of {@code length} entries with varied content. */
    public static List<LedgerEntry> chain(int length) {
        List<LedgerEntry> entries = new ArrayList<>();
        LedgerEntry previous = null;
        for (int i = 1; i <= length; i++) {
            previous = LedgerChain.next(previous, draft(i), START.plus(Duration.ofMinutes(i)));
            entries.add(previous);
        }
        return entries;
    }

    public static LedgerEntry.Draft draft(int n) {
        EntryType type = EntryType.values()[n % EntryType.values().length];
        Digest digest = n % 3 == 0 ? null : Digest.of(("artifact-" + n).getBytes(StandardCharsets.UTF_8));
        String environment = n % 4 == 0 ? null : "env-" + (n % 3);
        return new LedgerEntry.Draft(type, "user-" + (n % 5), environment, digest, n % 2 == 0 ? "p-" + n : null,
                Map.of("n", Integer.toString(n), "note", "entry number " + n));
    }

    /** {@code entry} with another principal and its old hash: what editing a stored line looks like. */
    public static LedgerEntry withPrincipal(LedgerEntry entry, String principal) {
        return new LedgerEntry(entry.sequence(), entry.time(), entry.type(), principal, entry.environment(),
                entry.digest(), entry.promotionId(), entry.details(), entry.previousHash(), entry.hash());
    }

    /** {@code entry} with new content and a recomputed hash: an edit by someone who knows the hashing. */
    public static LedgerEntry rehashedWithPrincipal(LedgerEntry entry, String principal) {
        LedgerEntry edited = withPrincipal(entry, principal);
        return new LedgerEntry(edited.sequence(), edited.time(), edited.type(), edited.principal(),
                edited.environment(), edited.digest(), edited.promotionId(), edited.details(),
                edited.previousHash(), LedgerChain.expectedHash(edited));
    }

    /** {@code entry} renumbered and rehashed, keeping its previous hash. */
    public static LedgerEntry renumbered(LedgerEntry entry, long sequence, String previousHash) {
        LedgerEntry moved = new LedgerEntry(sequence, entry.time(), entry.type(), entry.principal(),
                entry.environment(), entry.digest(), entry.promotionId(), entry.details(), previousHash, entry.hash());
        return new LedgerEntry(sequence, moved.time(), moved.type(), moved.principal(), moved.environment(),
                moved.digest(), moved.promotionId(), moved.details(), previousHash, LedgerChain.expectedHash(moved));
    }
}
