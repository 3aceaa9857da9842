import dev.airlock.attestation.KeyAlgorithm
import dev.airlock.config.AirlockConfiguration
import dev.airlock.config.KeyringWriter

// Everyone the test landscape names gets a signing key, as `airlock keys create` makes them; owners the
// keyring already binds (from an earlier build of this run) are left alone.
KeyringWriter.createLocalKeys(AirlockConfiguration.load(new File(itConfigDir, "airlock.yaml").toPath()),
        KeyAlgorithm.ED25519)
return true
