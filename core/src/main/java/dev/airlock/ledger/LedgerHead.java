package dev.airlock.ledger;

import dev.airlock.InvalidValueException;
import java.util.regex.Pattern;

/**
 * A ledger's last entry as known from somewhere the ledger's writer cannot change: a copy kept by
 * an auditor, a checkpoint published elsewhere, the highest entry another reader has seen.
 *
 * <p>A hash chain alone proves that no entry was edited, deleted, reordered or inserted
 * <em>between</em> entries it still holds. It cannot prove that nothing was cut from its end, nor
 * that it was not rewritten from some point on with every later hash recomputed: both leave a
 * valid, shorter or different chain. Verifying against a head known from elsewhere closes both gaps.
 *
 * @param sequence the head entry's sequence number (0 for an empty ledger)
 * @param hash     the head entry's hash ({@link LedgerChain#GENESIS} for an empty ledger)
 */
public record LedgerHead(long sequence, String hash) {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public LedgerHead {
        if (sequence < 0) {
            throw new InvalidValueException("sequence", sequence, "must not be negative");
        }
        InvalidValueException.requireNonNull("hash", hash);
        if (!HEX64.matcher(hash).matches()) {
            throw new InvalidValueException("hash", hash, "must be 64 lowercase hex digits");
        }
        if (sequence == 0 && !hash.equals(LedgerChain.GENESIS)) {
            throw new InvalidValueException("hash", hash, "must be the genesis hash (64 zeros) when sequence is 0");
        }
    }

    /** The head of an empty ledger. */
    public static LedgerHead empty() {
        return new LedgerHead(0, LedgerChain.GENESIS);
    }

    /** The head a ledger has when {@code entry} is its last entry. */
    public static LedgerHead of(LedgerEntry entry) {
        return new LedgerHead(entry.sequence(), entry.hash());
    }
}
