package dev.airlock.cli;

import dev.airlock.attestation.TrustedKey;
import dev.airlock.config.SigningConfiguration;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code airlock keys list}: who may sign what, as the keyring binds it. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the keys the keyring binds to each owner.",
        footerHeading = "%nExample:%n", footer = {"  airlock keys list --config airlock.yaml -o json"})
final class KeysListCommand implements Callable<Integer> {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = "${env:AIRLOCK_CONFIG:-airlock.yaml}",
            description = "Configuration file (default: $AIRLOCK_CONFIG or ./airlock.yaml).")
    Path config;

    @Mixin
    OutputOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SigningConfiguration signing = Airlock.configuration("--config", config).signing();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String owner : signing.keyring().owners()) {
            for (TrustedKey key : signing.keyring().keys(owner)) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("owner", owner);
                row.put("keyId", key.keyId());
                row.put("algorithm", key.algorithm().configName());
                SigningConfiguration.KeySource source = signing.keySources().get(owner);
                row.put("signsWith", source == null ? null : source.keyFile() != null ? source.keyFile().toString()
                        : "kms:" + source.remoteKey());
                row.put("ledger", signing.ledgerKeyOwner().map(owner::equals).orElse(false));
                rows.add(row);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            out.println(Json.write(rows));
            return ExitCodes.OK;
        }
        if (rows.isEmpty()) {
            out.println("no keys are bound: no approval, verification or provenance counts; create keys with "
                    + "`airlock keys create`");
        }
        rows.forEach(r -> out.printf("%-14s %-26s %-10s %s%s%n", r.get("owner"), r.get("keyId"), r.get("algorithm"),
                r.get("signsWith") == null ? "(private key elsewhere)" : r.get("signsWith"),
                Boolean.TRUE.equals(r.get("ledger")) ? "  [signs checkpoints]" : ""));
        return ExitCodes.OK;
    }
}
