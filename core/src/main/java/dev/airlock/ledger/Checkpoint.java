package dev.airlock.ledger;

import dev.airlock.InvalidValueException;
import dev.airlock.artifact.Digest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * An immutable snapshot of a ledger at one entry: which entry ({@link #head()}) and the state a reader
 * needs to go on from there without reading what came before. A cold start reads the newest
 * checkpoint and only the entries after it, so its cost does not grow with the ledger's history.
 *
 * <p>{@link #hash()} is the SHA-256 of every other field in a canonical encoding; a signature, when
 * checkpoints are signed, is over that hash. A checkpoint proves nothing by itself: readers check that
 * the entry at its sequence has its head hash, and a full verification recomputes its state from the
 * entries before it.
 *
 * @param version   the format of {@link #state()}; this build writes and reads {@link #VERSION}
 * @param sequence  the sequence number of the entry the checkpoint was taken at (at least 1)
 * @param headHash  that entry's hash
 * @param writtenAt when it was written
 * @param state     the reader's state after that entry, as compact JSON in the reader's own format
 * @param hash      the SHA-256 of the fields above, as 64 lowercase hex digits
 * @param signature a DSSE envelope (JSON) by the ledger's key over {@link #signedPayload()}, or null when unsigned
 */
public record Checkpoint(int version, long sequence, String headHash, Instant writtenAt, String state, String hash,
        @Nullable String signature) {
    /** DSSE's payload type of a checkpoint signature. */
    public static final String PAYLOAD_TYPE = "application/vnd.airlock.checkpoint+json";

    /** The checkpoint format this build writes. */
    public static final int VERSION = 1;

    public Checkpoint {
        if (sequence < 1) {
            throw new InvalidValueException("sequence", sequence, "must be at least 1: a checkpoint is taken at an entry");
        }
        new LedgerHead(sequence, InvalidValueException.requireNonNull("headHash", headHash));
        InvalidValueException.requireNonNull("writtenAt", writtenAt);
        InvalidValueException.requireNonNull("state", state);
        InvalidValueException.requireNonNull("hash", hash);
    }

    /** An unsigned checkpoint. */
    public Checkpoint(int version, long sequence, String headHash, Instant writtenAt, String state, String hash) {
        this(version, sequence, headHash, writtenAt, state, hash, null);
    }

    /** This checkpoint with {@code signature}, a DSSE envelope over {@link #signedPayload()}. */
    public Checkpoint signed(String signature) {
        return new Checkpoint(version, sequence, headHash, writtenAt, state, hash, signature);
    }

    /** What the ledger's key signs: the entry the checkpoint was taken at and the checkpoint's hash. */
    public byte[] signedPayload() {
        return ("{\"headHash\":\"" + headHash + "\",\"sequence\":" + sequence + ",\"hash\":\"" + hash + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A checkpoint of {@code state} taken at {@code head}, with its hash. */
    public static Checkpoint of(LedgerHead head, Instant writtenAt, String state) {
        return new Checkpoint(VERSION, head.sequence(), head.hash(), writtenAt, state,
                hash(VERSION, head.sequence(), head.hash(), writtenAt, state));
    }

    /** The entry the checkpoint was taken at. */
    public LedgerHead head() {
        return new LedgerHead(sequence, headHash);
    }

    /** Whether {@link #hash()} is the hash of the other fields: false for an edited checkpoint. */
    public boolean intact() {
        return hash.equals(hash(version, sequence, headHash, writtenAt, state));
    }

    private static String hash(int version, long sequence, String headHash, Instant writtenAt, String state) {
        MessageDigest sha = Digest.sha256();
        for (String field : new String[] {"airlock-checkpoint", Integer.toString(version), Long.toString(sequence),
                headHash, writtenAt.toString(), state}) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            int n = bytes.length;
            sha.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
            sha.update(bytes);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Names the checkpoint; the state can be large and is left out. */
    @Override
    public String toString() {
        return "Checkpoint[sequence=" + sequence + ", headHash=" + headHash + ", writtenAt=" + writtenAt + ", "
                + state.length() + " characters of state, " + (signature == null ? "unsigned" : "signed") + "]";
    }
}
