package dev.airlock.ledger;

import dev.airlock.InvalidValueException;
import dev.airlock.artifact.Digest;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the append-only audit ledger. {@link #previousHash()} is the hash of the entry
 * before it (64 zeros for the first) and {@link #hash()} is the SHA-256 of this entry's canonical
 * encoding, so editing, deleting, reordering or inserting entries breaks the chain.
 *
 * @param sequence    position in the ledger, starting at 1, without gaps
 * @param time        when the entry was appended, from the engine's clock
 * @param type        what happened
 * @param principal   who caused it (a person or a build identity)
 * @param environment the environment concerned, or null (registrations)
 * @param digest      the artifact concerned, or null
 * @param promotionId the promotion this entry belongs to, or null
 * @param details     further facts, sorted by key so the encoding is canonical
 */
public record LedgerEntry(long sequence, Instant time, EntryType type, String principal, @Nullable String environment,
        @Nullable Digest digest, @Nullable String promotionId, Map<String, String> details, String previousHash,
        String hash) {

    public LedgerEntry {
        if (sequence < 1) {
            throw new InvalidValueException("sequence", sequence, "must be 1 or more");
        }
        InvalidValueException.requireNonNull("time", time);
        InvalidValueException.requireNonNull("type", type);
        InvalidValueException.requireNonNull("principal", principal);
        details = java.util.Collections.unmodifiableMap(new TreeMap<>(details));
        InvalidValueException.requireNonNull("previousHash", previousHash);
        InvalidValueException.requireNonNull("hash", hash);
    }

    /** A detail value, or null. */
    public @Nullable String detail(String key) {
        return details.get(key);
    }

    /**
     * What a writer asks to append; the ledger assigns sequence, time, previous hash and hash.
     */
    public record Draft(EntryType type, String principal, @Nullable String environment, @Nullable Digest digest,
            @Nullable String promotionId, Map<String, String> details) {
        public Draft {
            InvalidValueException.requireNonNull("type", type);
            InvalidValueException.requireNonNull("principal", principal);
            details = java.util.Collections.unmodifiableMap(new TreeMap<>(details));
        }
    }
}
