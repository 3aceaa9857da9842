package dev.airlock.attestation;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of checking one attestation: counted (its signature verifies against a key bound to the
 * owner it speaks for, and it says what the ledger entry says), or not counted and why.
 *
 * @param counted whether the attestation counts
 * @param keyId   the key that verified it, when counted
 * @param reason  why it does not count, phrased to follow the owner's name in parentheses
 *                ("signature does not verify"), when not counted
 */
public record Verification(boolean counted, @Nullable String keyId, @Nullable String reason) {
    public static Verification verified(String keyId) {
        return new Verification(true, keyId, null);
    }

    public static Verification notCounted(String reason) {
        return new Verification(false, null, reason);
    }
}
