package dev.airlock.spi;

import dev.airlock.AirlockException;

/** Another writer appended at the same sequence number first. Re-read the ledger and retry. */
public class LedgerConflictException extends AirlockException {
    private static final long serialVersionUID = 1L;

    private final long sequence;

    public LedgerConflictException(long sequence) {
        super("ledger entry " + sequence + " was already written by another writer; re-read and retry", null, true);
        this.sequence = sequence;
    }

    public long sequence() {
        return sequence;
    }
}
