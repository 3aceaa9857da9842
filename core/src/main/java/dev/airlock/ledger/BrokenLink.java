package dev.airlock.ledger;

import dev.airlock.InvalidValueException;

/**
 * Where and how a ledger's hash chain is broken.
 *
 * @param sequence the first sequence number that can no longer be trusted: the edited entry, the
 *                 first missing one, the one found out of place
 * @param position 1-based position in the list of entries examined (the line number in a
 *                 JSON-lines ledger file); for {@link Kind#TRUNCATED} one past the last entry
 * @param kind     what is wrong
 * @param message  what is wrong, for people, naming the entries concerned
 */
public record BrokenLink(long sequence, long position, Kind kind, String message) {

    public BrokenLink {
        InvalidValueException.requireNonNull("kind", kind);
        InvalidValueException.requireNonNull("message", message);
    }

    /** What is wrong with a link. */
    public enum Kind {
        /** An entry's hash does not match its content: a field was changed after it was written. */
        EDITED,
        /** Sequence numbers jump forward: entries were deleted. */
        MISSING,
        /** An entry that belongs later in the chain appears early: entries were reordered. */
        REORDERED,
        /** A sequence number appears again: an entry was inserted or duplicated. */
        DUPLICATED,
        /**
         * An entry's previous hash is not the hash of the entry before it: an entry was inserted or
         * replaced and the hashes were recomputed, or the first entry does not start the chain.
         */
        PREVIOUS_HASH_MISMATCH,
        /** The chain ends before the expected head: entries were deleted from the end. */
        TRUNCATED,
        /** The entry at the expected head's sequence has another hash: the chain was rewritten. */
        HEAD_MISMATCH,
        /**
         * A checkpoint does not hold: it is not a checkpoint, its hash does not match its content, the
         * entry at its sequence has another hash, or the state it records is not the state the entries
         * up to it produce.
         */
        CHECKPOINT_MISMATCH,
        /** An entry chains correctly but is not an entry the engine can act on: forged or unreadable content. */
        UNREADABLE,
        /**
         * An entry is dated earlier than the entry before it by more than the allowed clock skew: it was
         * written with a claimed time or by a machine whose clock was wrong. Engines refuse to write one.
         */
        TIME_REVERSED
    }
}
