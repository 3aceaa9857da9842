package dev.airlock.config;

import dev.airlock.InvalidValueException;
import dev.airlock.attestation.KeyAlgorithm;
import dev.airlock.attestation.KeyFile;
import dev.airlock.attestation.PublicKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Creates local signing keys and binds them in a keyring file: one key file per owner under
 * {@code private/} next to the keyring (owner-only permissions), and its public key appended to the
 * keyring. Owners the keyring already binds are left alone, so running it again adds only new owners.
 */
public final class KeyringWriter {
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._@+-]+");

    private KeyringWriter() {
    }

    /** Every owner the configuration refers to: members of its people groups, literal trusted builders, the ledger. */
    public static Set<String> owners(AirlockConfiguration configuration) {
        Set<String> owners = new LinkedHashSet<>();
        configuration.groups().values().forEach(owners::addAll);
        configuration.policies().documents().forEach(document -> document.statements().forEach(statement -> {
            if (statement.rule() instanceof dev.airlock.guardrail.policy.Rule.TrustedProvenance provenance) {
                provenance.builders().stream().filter(b -> !b.contains("*") && !b.contains("?")).forEach(owners::add);
            }
        }));
        configuration.signing().ledgerKeyOwner().ifPresent(owners::add);
        return owners;
    }

    /**
     * Creates a key for every owner the configuration names that its keyring does not bind yet.
     *
     * @return the owners that got a new key
     * @throws InvalidValueException when the configuration has no {@code signing} section
     */
    public static List<String> createLocalKeys(AirlockConfiguration configuration, KeyAlgorithm algorithm) {
        Path keyring = configuration.signing().keyringFile().orElseThrow(() -> new InvalidValueException("signing",
                null, "is not configured: add `signing: {keyring: keys/keyring.yaml}` to the configuration"));
        return createLocalKeys(keyring, owners(configuration), configuration.signing().keyring().owners(), algorithm);
    }

    /**
     * Creates a key for each of {@code owners} not yet bound in {@code keyringFile}.
     *
     * @return the owners that got a new key
     */
    public static List<String> createLocalKeys(Path keyringFile, Set<String> owners, Set<String> alreadyBound,
            KeyAlgorithm algorithm) {
        List<String> created = new ArrayList<>();
        StringBuilder entries = new StringBuilder();
        Path directory = keyringFile.toAbsolutePath().getParent();
        for (String owner : owners) {
            if (alreadyBound.contains(owner)) {
                continue;
            }
            if (!SAFE_NAME.matcher(owner).matches()) {
                throw new InvalidValueException("owner", owner, "cannot name a key file: use letters, digits and . _ @ + -");
            }
            String relative = "private/" + owner + ".key";
            PublicKey publicKey = KeyFile.create(directory.resolve(relative), algorithm);
            entries.append("  - owner: \"").append(owner).append("\"\n    publicKey: ")
                    .append(PublicKeys.base64(publicKey)).append("\n    privateKey: ").append(relative).append('\n');
            created.add(owner);
        }
        append(keyringFile, entries.toString());
        return created;
    }

    /**
     * Binds {@code publicKey} to {@code owner} in {@code keyringFile}, signing through {@code remoteKey} (a
     * KMS key): the public key is pinned as fetched now, and verification never asks KMS again.
     */
    public static void bindRemoteKey(Path keyringFile, String owner, PublicKey publicKey, String remoteKey) {
        append(keyringFile, "  - owner: \"" + owner + "\"\n    publicKey: " + PublicKeys.base64(publicKey)
                + "\n    kms: \"" + remoteKey + "\"\n");
    }

    private static void append(Path keyringFile, String entries) {
        try {
            if (!Files.exists(keyringFile)) {
                Files.createDirectories(keyringFile.toAbsolutePath().getParent());
                Files.writeString(keyringFile, "# Public keys Airlock verifies attestations against, each bound to the one "
                        + "owner it may sign for.\n# Private keys stay in their files (private/, never committed).\n"
                        + "version: 1\nkeys:\n", StandardCharsets.UTF_8);
            }
            Files.writeString(keyringFile, entries, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write keyring " + keyringFile + ": " + e.getMessage(), e);
        }
    }
}
