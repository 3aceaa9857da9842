package dev.airlock.cli;

import dev.airlock.attestation.KeyAlgorithm;
import dev.airlock.config.AirlockConfiguration;
import dev.airlock.config.KeyringWriter;
import java.nio.file.Path;

/** Creates the keys a copied sample configuration names, as `airlock keys create` does, for tests that sign. */
final class SampleKeys {
    private SampleKeys() {
    }

    /** Keys for everyone {@code config} names; returns {@code config}. */
    static Path create(Path config) {
        KeyringWriter.createLocalKeys(AirlockConfiguration.load(config), KeyAlgorithm.ED25519);
        return config;
    }
}
