package dev.airlock.config;

import dev.airlock.attestation.PublicKeys;
import dev.airlock.attestation.TrustedKey;
import dev.airlock.internal.config.ConfigReader;
import dev.airlock.internal.config.DocumentParser;
import dev.airlock.internal.config.Node.MapNode;
import dev.airlock.internal.config.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code signing:} ({@code keyring}, a file path relative to the configuration file, and
 * {@code ledger}, the owner whose keys sign checkpoints) and the keyring file: {@code version: 1} and
 * {@code keys:}, each with {@code owner}, {@code publicKey} (PEM or base64 SubjectPublicKeyInfo) and at
 * most one of {@code privateKey} (a key file path, relative to the keyring file) and {@code kms}.
 */
final class SigningSection {
    private SigningSection() {
    }

    static Optional<SigningConfiguration> read(MapNode root, ConfigReader reader, Path baseDirectory) {
        Optional<Node> section = ConfigReader.get(root, "signing");
        if (section.isEmpty()) {
            return Optional.of(SigningConfiguration.NONE);
        }
        MapNode map = reader.map(section.get(), "signing", Set.of("keyring"), Set.of("keyring", "ledger")).orElse(null);
        if (map == null || ConfigReader.get(map, "keyring").isEmpty()) {
            return Optional.empty();
        }
        Optional<String> ledger = ConfigReader.get(map, "ledger").flatMap(n -> reader.text(n, "signing.ledger"));
        Optional<Path> file = reader.text(ConfigReader.get(map, "keyring").get(), "signing.keyring")
                .map(baseDirectory::resolve);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Node keyringNode = ConfigReader.get(map, "keyring").get();
        if (!Files.exists(file.get())) {
            // Not made yet (`airlock keys create` makes it from this configuration): nothing verifies until then.
            return Optional.of(new SigningConfiguration(file.get(), List.of(), ledger.orElse(null), Map.of()));
        }
        if (!Files.isRegularFile(file.get())) {
            reader.error(keyringNode, "signing.keyring: '" + file.get() + "' is not a regular file");
            return Optional.empty();
        }
        ConfigReader keyringReader = new ConfigReader(file.get().toString());
        Optional<SigningConfiguration> signing = keyring(DocumentParser.parse(file.get()), keyringReader, file.get(),
                ledger.orElse(null));
        keyringReader.problems().forEach(reader::report);
        if (signing.isPresent() && ledger.isPresent() && signing.get().keyring().keys(ledger.get()).isEmpty()) {
            reader.error(ConfigReader.get(map, "ledger").get(), "signing.ledger: '" + ledger.get() + "' has no key in "
                    + file.get() + "; bind one there, or leave checkpoints unsigned");
        }
        return signing;
    }

    private static Optional<SigningConfiguration> keyring(Node document, ConfigReader reader, Path file,
            String ledger) {
        MapNode root = reader.map(document, "the keyring", Set.of("version", "keys"), Set.of("version", "keys"))
                .orElse(null);
        if (root == null) {
            return Optional.empty();
        }
        ConfigReader.get(root, "version").flatMap(v -> reader.integer(v, "version")).filter(v -> v != 1)
                .ifPresent(v -> reader.error(ConfigReader.get(root, "version").get(), "version: '" + v
                        + "' is not supported; this Airlock reads keyring version 1"));
        List<TrustedKey> keys = new ArrayList<>();
        Map<String, SigningConfiguration.KeySource> sources = new LinkedHashMap<>();
        ConfigReader.get(root, "keys").ifPresent(list -> reader.list(list, "keys", false)
                .forEach(item -> key(item, reader, file, keys, sources)));
        return reader.hasProblems() ? Optional.empty()
                : Optional.of(new SigningConfiguration(file, keys, ledger, sources));
    }

    private static void key(Node item, ConfigReader reader, Path file, List<TrustedKey> keys,
            Map<String, SigningConfiguration.KeySource> sources) {
        MapNode key = reader.map(item, "a key", Set.of("owner", "publicKey"),
                Set.of("owner", "publicKey", "privateKey", "kms")).orElse(null);
        if (key == null) {
            return;
        }
        Optional<String> owner = ConfigReader.get(key, "owner").flatMap(n -> reader.text(n, "owner"));
        Optional<java.security.PublicKey> publicKey = ConfigReader.get(key, "publicKey")
                .flatMap(n -> reader.value(n, "publicKey", PublicKeys::parse));
        Optional<Node> privateKey = ConfigReader.get(key, "privateKey");
        Optional<Node> kms = ConfigReader.get(key, "kms");
        if (privateKey.isPresent() && kms.isPresent()) {
            reader.error(key, "a key has either privateKey (a key file) or kms, not both");
            return;
        }
        Optional<String> keyFile = privateKey.flatMap(n -> reader.text(n, "privateKey"));
        if (keyFile.isPresent() && keyFile.get().contains("PRIVATE KEY")) {
            // Never echo it: it is a secret.
            reader.error(privateKey.get(), "privateKey: a private key never belongs in the keyring (the value is not "
                    + "shown); give the path of its key file, and replace the key: whoever read this file has it");
            return;
        }
        Optional<String> remote = kms.flatMap(n -> reader.text(n, "kms"));
        if (owner.isEmpty() || publicKey.isEmpty()) {
            return;
        }
        keys.add(new TrustedKey(owner.get(), publicKey.get()));
        if (keyFile.isPresent() || remote.isPresent()) {
            sources.putIfAbsent(owner.get(), new SigningConfiguration.KeySource(
                    keyFile.map(f -> file.toAbsolutePath().getParent().resolve(f)).orElse(null), remote.orElse(null)));
        }
    }
}
