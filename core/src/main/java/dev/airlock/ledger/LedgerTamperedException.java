package dev.airlock.ledger;

import dev.airlock.AirlockException;

/**
 * The ledger is not the chain it was: an entry was edited, removed, reordered or inserted, entries
 * were cut from its end, or a checkpoint does not match the entries. Whoever reads it refuses to
 * decide, append or report on it; the ledger must be restored from a copy that verifies.
 */
public class LedgerTamperedException extends AirlockException {
    private static final long serialVersionUID = 1L;

    private final BrokenLink brokenLink;

    public LedgerTamperedException(BrokenLink brokenLink) {
        super("ledger tampered: " + brokenLink.message() + "; nothing was decided or recorded. Verify the whole "
                + "ledger (verify-ledger) and restore it from a copy that verifies before acting on it again");
        this.brokenLink = brokenLink;
    }

    /** The first link that does not hold. */
    public BrokenLink brokenLink() {
        return brokenLink;
    }
}
