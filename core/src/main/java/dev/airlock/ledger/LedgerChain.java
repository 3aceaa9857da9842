package dev.airlock.ledger;

import dev.airlock.artifact.Digest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import dev.airlock.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
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

    /**
     * How much earlier than its predecessor an entry may be dated by default: clocks of machines kept in
     * sync by NTP differ by far less, while a claimed or broken time is usually off by hours or more.
     */
    public static final Duration DEFAULT_MAX_CLOCK_SKEW = Duration.ofMinutes(5);

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

    /**
     * Walks {@code entries}, which must start at the ledger's first entry, and reports the first
     * broken link: an edited entry, a missing, reordered, duplicated or inserted one, or a previous
     * hash that does not match. An intact report proves the entries are the unchanged prefix of a
     * chain; it cannot prove that no entries were cut from the end, or that the chain was not
     * rewritten with every hash recomputed. For that, verify against a head known from elsewhere
     * with {@link #verify(List, LedgerHead)}.
     */
    public static ChainReport verify(List<LedgerEntry> entries) {
        return ChainVerifier.verify(entries, null);
    }

    /**
     * Like {@link #verify(List)}, and also reports {@link BrokenLink.Kind#TRUNCATED} when the
     * entries end before {@code expectedHead}, and {@link BrokenLink.Kind#HEAD_MISMATCH} when the
     * entry at the head's sequence has another hash. Entries after the head are verified as usual.
     */
    public static ChainReport verify(List<LedgerEntry> entries, LedgerHead expectedHead) {
        InvalidValueException.requireNonNull("expectedHead", expectedHead);
        return ChainVerifier.verify(entries, expectedHead);
    }

    /**
     * Like {@link #verify(List)} for entries that continue a chain whose head is {@code from}, known
     * good (a verified checkpoint, or what a reader already verified): the first entry must be entry
     * {@code from.sequence() + 1} and link to {@code from.hash()}. Positions in the report count from
     * the first of {@code entries}.
     */
    public static ChainReport verify(LedgerHead from, List<LedgerEntry> entries) {
        InvalidValueException.requireNonNull("from", from);
        return ChainVerifier.verify(from, entries, null);
    }

    /** The head of a ledger whose entries are {@code entries}: its last entry, or empty. */
    public static LedgerHead head(List<LedgerEntry> entries) {
        return entries.isEmpty() ? LedgerHead.empty() : LedgerHead.of(entries.get(entries.size() - 1));
    }

    /**
     * Checks that {@code entry} is a correct next link after {@code previous} (null when the
     * ledger is empty): the next sequence number, {@code previous}'s hash as its previous hash,
     * and a hash that matches its content. Ledger backends call this before storing an entry, so
     * a broken link is refused when written instead of found by an audit later. Compare sequence
     * numbers first: a sequence number already taken is a conflict, not a broken link.
     *
     * @throws InvalidValueException naming the field that is wrong
     */
    public static void requireFollows(@Nullable LedgerEntry previous, LedgerEntry entry) {
        long expectedSequence = previous == null ? 1 : previous.sequence() + 1;
        if (entry.sequence() != expectedSequence) {
            throw new InvalidValueException("sequence", entry.sequence(), "must be " + expectedSequence
                    + ", one more than the last entry's; build entries with LedgerChain.next");
        }
        String expectedPrevious = previous == null ? GENESIS : previous.hash();
        if (!entry.previousHash().equals(expectedPrevious)) {
            throw new InvalidValueException("previousHash", entry.previousHash(), "must be the hash of "
                    + (previous == null ? "nothing (the genesis hash, 64 zeros) for entry 1"
                            : "entry " + previous.sequence() + ", " + expectedPrevious)
                    + "; build entries with LedgerChain.next");
        }
        if (!entry.hash().equals(expectedHash(entry))) {
            throw new InvalidValueException("hash", entry.hash(),
                    "must be the SHA-256 of entry " + entry.sequence()
                            + "'s content; build entries with LedgerChain.next");
        }
    }

    /**
     * Checks that {@code entry} is not dated earlier than {@code previous} (null when the ledger is
     * empty) by more than {@code maxClockSkew}. Backends cannot know the skew a deployment allows, so
     * the engine calls this before it appends, with the skew it was configured with.
     *
     * @throws InvalidValueException naming both times, when the entry is dated too early
     */
    public static void requireTimeFollows(@Nullable LedgerEntry previous, LedgerEntry entry, Duration maxClockSkew) {
        if (previous != null && entry.time().isBefore(previous.time().minus(maxClockSkew))) {
            throw new InvalidValueException("time", entry.time(), "is earlier than ledger entry " + previous.sequence()
                    + "'s time " + previous.time() + " by more than the allowed clock skew of " + maxClockSkew
                    + "; this machine's clock is behind, or that entry's was ahead: fix the clock (NTP), nothing was"
                    + " recorded");
        }
    }

    /**
     * Reports the first entry of {@code entries} (consecutive, oldest first) dated earlier than the entry
     * before it by more than {@code maxClockSkew}, as {@link BrokenLink.Kind#TIME_REVERSED}. Hash links
     * are {@link #verify(List)}'s job; this checks only the order of time.
     */
    public static ChainReport verifyTimeOrder(List<LedgerEntry> entries, Duration maxClockSkew) {
        InvalidValueException.requireNonNull("maxClockSkew", maxClockSkew);
        for (int index = 1; index < entries.size(); index++) {
            LedgerEntry previous = entries.get(index - 1);
            LedgerEntry entry = entries.get(index);
            if (entry.time().isBefore(previous.time().minus(maxClockSkew))) {
                return new ChainReport(index, new BrokenLink(entry.sequence(), index + 1L, BrokenLink.Kind.TIME_REVERSED,
                        "entry " + entry.sequence() + " is dated " + entry.time() + ", earlier than entry "
                                + previous.sequence() + " (" + previous.time() + ") by more than the allowed clock skew of "
                                + maxClockSkew + ": it was written with a claimed time or a wrong clock"));
            }
        }
        return ChainReport.intact(entries.size());
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
        // Straight to hex: the 32 bytes are a SHA-256 by construction, no Digest to validate on the way.
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Length-prefixed, so no two different field lists encode to the same bytes; null differs from "". */
    private static void field(MessageDigest sha, @Nullable String value) {
        if (value == null) {
            sha.update((byte) 0);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        int n = bytes.length;
        // A present marker, then the length as four big-endian bytes: the encoding every ledger uses.
        sha.update(new byte[] {1, (byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        sha.update(bytes);
    }
}
