package dev.airlock.ledger;

import dev.airlock.artifact.Digest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How entries are chained: each entry's hash is the SHA-256 of a canonical, unambiguous encoding
 * of all its fields including the previous entry's hash. Every ledger backend uses this one
 * definition, so a chain written by one can be verified by any other.
 */
public final class LedgerChain {
    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private LedgerChain() {
    }

    /** The entry that follows {@code previous} (null for the first entry) with {@code draft}'s content. */
    public static LedgerEntry next(@Nullable LedgerEntry previous, LedgerEntry.Draft draft, Instant time) {
        long sequence = previous == null ? 1 : previous.sequence() + 1;
        String previousHash = previous == null ? GENESIS : previous.hash();
        String hash = hash(sequence, time, draft.type(), draft.principal(), draft.environment(), draft.digest(),
                draft.promotionId(), draft.details(), previousHash);
        return new LedgerEntry(sequence, time, draft.type(), draft.principal(), draft.environment(), draft.digest(),
                draft.promotionId(), draft.details(), previousHash, hash);
    }

    /** The hash {@code entry} should have, recomputed from its fields. */
    public static String expectedHash(LedgerEntry entry) {
        return hash(entry.sequence(), entry.time(), entry.type(), entry.principal(), entry.environment(),
                entry.digest(), entry.promotionId(), entry.details(), entry.previousHash());
    }

    private static String hash(long sequence, Instant time, EntryType type, String principal,
            @Nullable String environment, @Nullable Digest digest, @Nullable String promotionId,
            Map<String, String> details, String previousHash) {
        MessageDigest sha = Digest.sha256();
        field(sha, Long.toString(sequence));
        field(sha, time.toString());
        field(sha, type.name());
        field(sha, principal);
        field(sha, environment);
        field(sha, digest == null ? null : digest.value());
        field(sha, promotionId);
        field(sha, Integer.toString(details.size()));
        details.forEach((key, value) -> {
            field(sha, key);
            field(sha, value);
        });
        field(sha, previousHash);
        return Digest.fromRaw(sha.digest()).hex();
    }

    /** Length-prefixed, so no two different field lists encode to the same bytes; null differs from "". */
    private static void field(MessageDigest sha, @Nullable String value) {
        if (value == null) {
            sha.update((byte) 0);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        sha.update((byte) 1);
        sha.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
        sha.update(bytes);
    }
}
