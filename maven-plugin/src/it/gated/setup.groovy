import dev.airlock.attestation.KeyAlgorithm
import dev.airlock.config.AirlockConfiguration
import dev.airlock.config.KeyringWriter

// Keys as for every build, then this build's own configuration: the shared landscape with a gate on dev.
File shared = new File(itConfigDir, "airlock.yaml")
KeyringWriter.createLocalKeys(AirlockConfiguration.load(shared.toPath()), KeyAlgorithm.ED25519)
String keyring = new File(itConfigDir, "../../../target/it-keys/keyring.yaml").canonicalPath
String text = shared.text
int signing = text.indexOf("\n# Signed claims")
assert signing > 0 : "the shared configuration's policies end before its signing comment"
text = text.substring(0, signing) + """
  - id: dev-change
    version: 1
    attach: {environment: dev}
    statements:
      - {id: change-approved, kind: gate, effect: require, gate: change-check}
""" + text.substring(signing).replace("../../../target/it-keys/keyring.yaml", keyring) + """
gates:
  change-check: {url: "http://127.0.0.1:9/gate", secretEnv: AIRLOCK_IT_CHANGE_SECRET}
"""
new File(basedir, "airlock.yaml").text = text
return true
