package dev.airlock.cli;

import dev.airlock.attestation.KeyAlgorithm;
import dev.airlock.config.AirlockConfiguration;
import dev.airlock.config.KeyringWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code airlock keys create}: a local key for every owner the configuration refers to (people in its
 * groups, literal trusted builders, the ledger) that the keyring does not bind yet, or for the owners
 * named. Private keys go to files beside the keyring, readable by their owner only.
 */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Create local signing keys and bind them in the keyring the configuration names.",
        footerHeading = "%nExample:%n", footer = {"  airlock keys create --config airlock.yaml",
                "  airlock keys create --owner deploy-bot --algorithm ecdsa-p256"})
final class KeysCreateCommand implements Callable<Integer> {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = "${env:AIRLOCK_CONFIG:-airlock.yaml}",
            description = "Configuration file (default: $AIRLOCK_CONFIG or ./airlock.yaml).")
    Path config;

    @Option(names = "--owner", paramLabel = "OWNER", description = "Create a key for this owner only (repeatable).")
    List<String> owners;

    @Option(names = "--algorithm", paramLabel = "ALG", defaultValue = "ed25519",
            description = "ed25519 (default) or ecdsa-p256.")
    String algorithm;

    @Mixin
    OutputOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        AirlockConfiguration configuration = Airlock.configuration("--config", config);
        Path keyring = configuration.signing().keyringFile().orElseThrow(() -> new ErrorHandler.CliFailure(
                ExitCodes.BAD_INPUT, config + " has no signing section: add `signing: {keyring: keys/keyring.yaml}` "
                        + "(and `ledger: airlock-ledger` to sign checkpoints), then run this again"));
        Set<String> wanted = owners == null ? KeyringWriter.owners(configuration) : new LinkedHashSet<>(owners);
        List<String> created = KeyringWriter.createLocalKeys(keyring, wanted, configuration.signing().keyring().owners(),
                KeyAlgorithm.parse(algorithm));
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("keyring", keyring.toString());
            json.put("created", created);
            out.println(Json.write(json));
        } else if (created.isEmpty()) {
            out.println("every owner already has a key in " + keyring);
        } else {
            out.println("created " + algorithm + " keys for " + String.join(", ", created) + "; public keys bound in "
                    + keyring + ", private keys in " + keyring.toAbsolutePath().getParent().resolve("private")
                    + " (owner-only; never commit them)");
        }
        return ExitCodes.OK;
    }
}
