package dev.airlock.cli;

import dev.airlock.attestation.PublicKeys;
import dev.airlock.config.AirlockConfiguration;
import dev.airlock.config.KeyringWriter;
import dev.airlock.spi.Backend;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code airlock keys bind}: pins a remote key's public half (fetched once, here, with
 * {@code kms:GetPublicKey}) in the keyring, bound to one owner who signs through it.
 */
@Command(name = "bind", description = "Bind a KMS key to an owner in the keyring, pinning its public key now.",
        mixinStandardHelpOptions = true, footerHeading = "%nExample:%n",
        footer = {"  airlock keys bind --owner rob --kms arn:aws:kms:eu-central-1:111111111111:key/1234abcd"})
final class KeysBindCommand implements Callable<Integer> {
    @Mixin
    BackendOptions options;

    @Option(names = "--owner", required = true, paramLabel = "OWNER", description = "Who signs with the key.")
    String owner;

    @Option(names = "--kms", required = true, paramLabel = "KEY", description = "KMS key id, ARN or alias.")
    String kms;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        AirlockConfiguration configuration = Airlock.configuration("--config", options.config);
        Path keyring = configuration.signing().keyringFile().orElseThrow(() -> new ErrorHandler.CliFailure(
                ExitCodes.BAD_INPUT, options.config + " has no signing section: add `signing: {keyring: "
                        + "keys/keyring.yaml}`, then run this again"));
        PublicKey publicKey;
        try (Backend backend = Airlock.openBackend(options)) {
            publicKey = backend.remoteSigner(kms).verificationKey().orElseThrow(() -> new ErrorHandler.CliFailure(
                    ExitCodes.BAD_INPUT, "--kms: '" + kms + "' gives no public key to pin"));
        } catch (UnsupportedOperationException e) {
            throw new ErrorHandler.CliFailure(ExitCodes.BAD_INPUT, "--kms: " + e.getMessage());
        }
        KeyringWriter.bindRemoteKey(keyring, owner, publicKey, kms);
        PrintWriter out = spec.commandLine().getOut();
        if (options.output.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("owner", owner);
            json.put("kms", kms);
            json.put("keyId", PublicKeys.keyId(publicKey));
            out.println(Json.write(json));
        } else {
            int keys = configuration.signing().keyring().keys(owner).size() + 1;
            out.println("bound " + kms + " (" + PublicKeys.keyId(publicKey) + ") to " + owner + " in " + keyring
                    + (keys > 1 ? " (" + owner + " now has " + keys + " keys; remove the old one when rotation ends)" : "")
                    + "; its public key is pinned, so verification never asks KMS");
        }
        return ExitCodes.OK;
    }
}
