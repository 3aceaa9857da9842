package dev.airlock.attestation;

import dev.airlock.spi.Signer;
import java.util.Map;
import java.util.Optional;

/** Finds the signer that speaks for an owner (a principal, a builder, the ledger), where this process has one. */
@FunctionalInterface
public interface Signers {
    /** No signers: nothing this process writes can be signed. */
    Signers NONE = owner -> Optional.empty();

    Optional<Signer> signerFor(String owner);

    /** Signers by owner. */
    static Signers of(Map<String, ? extends Signer> byOwner) {
        Map<String, Signer> copy = Map.copyOf(byOwner);
        return owner -> Optional.ofNullable(copy.get(owner));
    }

    /** This, and {@code other} for owners this has no signer for. */
    default Signers orElse(Signers other) {
        return owner -> signerFor(owner).or(() -> other.signerFor(owner));
    }
}
