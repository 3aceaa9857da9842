/**
 * Signed attestations: DSSE envelopes of in-toto Statements about an artifact digest (approvals,
 * verifications, SLSA provenance, break-glass justifications), the keys that sign them and the
 * {@link dev.airlock.attestation.Keyring} of public keys, bound to their owners, that they are verified against.
 */
@NullMarked
package dev.airlock.attestation;

import org.jspecify.annotations.NullMarked;
