package dev.airlock.attestation;

import dev.airlock.spi.Signer;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A keyring and its signers in one, made in memory: each owner gets an Ed25519 key the first time it
 * signs, bound to that owner from then on. For tests and demos, where one process plays every person;
 * a real deployment binds keys in its configuration, each person holding only their own.
 *
 * <p>An owner who never signed has no key, so an entry forged in their name does not verify; one owner's
 * key never verifies for another.
 */
public final class InMemoryKeys implements Keyring, Signers {
    private final ConcurrentHashMap<String, LocalSigner> signers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, TrustedKey> keys = new ConcurrentHashMap<>();
    // Keys are only ever added, and an owner's key never changes: one name for this keyring's whole life.
    private final String fingerprint = "in-memory-" + UUID.randomUUID();

    @Override
    public Optional<Signer> signerFor(String owner) {
        return Optional.of(signers.computeIfAbsent(owner, o -> {
            var pair = KeyFile.generate(KeyAlgorithm.ED25519);
            keys.put(o, new TrustedKey(o, pair.getPublic()));
            return LocalSigner.of(pair);
        }));
    }

    @Override
    public List<TrustedKey> keys(String owner) {
        TrustedKey key = keys.get(owner);
        return key == null ? List.of() : List.of(key);
    }

    @Override
    public Set<String> owners() {
        return Set.copyOf(keys.keySet());
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public String toString() {
        return "InMemoryKeys" + new java.util.TreeSet<>(keys.keySet());
    }
}
