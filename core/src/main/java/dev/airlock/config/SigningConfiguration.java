package dev.airlock.config;

import dev.airlock.InvalidValueException;
import dev.airlock.attestation.KeyFile;
import dev.airlock.attestation.Keyring;
import dev.airlock.attestation.Signers;
import dev.airlock.attestation.TrustedKey;
import dev.airlock.spi.Signer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The configuration's {@code signing:} section and the keyring file it names: the public keys bound
 * to each principal, builder and the ledger (what attestations are verified against), whose key signs
 * checkpoints, and where each owner's private key can be found to sign with (a key file, or a remote
 * key such as a KMS key). A private key is never in the configuration, only where it is.
 */
public final class SigningConfiguration {
    /** No keys: no attestation counts, and nothing can be signed. */
    public static final SigningConfiguration NONE = new SigningConfiguration(null, List.of(), null, Map.of());

    /**
     * Where an owner's private key is: a key file, or a remote key the backend signs with.
     *
     * @param keyFile   a key file on this machine, or null
     * @param remoteKey a key reference the backend resolves (for aws, a KMS key id or ARN), or null
     */
    public record KeySource(@Nullable Path keyFile, @Nullable String remoteKey) {
    }

    private final @Nullable Path keyringFile;
    private final Keyring keyring;
    private final @Nullable String ledgerKeyOwner;
    private final Map<String, KeySource> sources;

    SigningConfiguration(@Nullable Path keyringFile, List<TrustedKey> keys, @Nullable String ledgerKeyOwner,
            Map<String, KeySource> sources) {
        this.keyringFile = keyringFile;
        this.keyring = Keyring.of(keys);
        this.ledgerKeyOwner = ledgerKeyOwner;
        this.sources = Map.copyOf(sources);
    }

    /** The keyring file, resolved against the configuration file's directory; empty when none is named. */
    public Optional<Path> keyringFile() {
        return Optional.ofNullable(keyringFile);
    }

    /** The public keys attestations are verified against. */
    public Keyring keyring() {
        return keyring;
    }

    /** The owner whose keys sign checkpoints, if checkpoints are signed. */
    public Optional<String> ledgerKeyOwner() {
        return Optional.ofNullable(ledgerKeyOwner);
    }

    /** Where each owner's private key is, as the keyring file says. */
    public Map<String, KeySource> keySources() {
        return sources;
    }

    /**
     * Signers for the owners whose private keys this machine can use: key files that exist here, and
     * remote keys through {@code remote}. A key file is read (and its permissions checked), and a remote
     * key asked for its public half, only when something is first signed with it.
     *
     * @param remote makes a signer for a remote key reference (the backend's {@code remoteSigner})
     */
    public Signers signers(Function<String, Signer> remote) {
        return owner -> {
            KeySource source = sources.get(owner);
            if (source == null) {
                return Optional.empty();
            }
            if (source.keyFile() != null) {
                if (!source.keyFile().toFile().exists()) {
                    return Optional.empty(); // another person's key: not on this machine
                }
                return Optional.of(Signer.lazily(() -> KeyFile.signer(source.keyFile())));
            }
            String key = InvalidValueException.requireNonNull("remoteKey", source.remoteKey());
            return Optional.of(Signer.lazily(() -> remote.apply(key)));
        };
    }

    @Override
    public String toString() {
        return "SigningConfiguration[keyring=" + keyringFile + ", owners=" + keyring.owners() + ", ledger="
                + ledgerKeyOwner + "]";
    }
}
