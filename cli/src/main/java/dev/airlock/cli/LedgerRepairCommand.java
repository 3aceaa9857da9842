package dev.airlock.cli;

import dev.airlock.spi.Backend;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code airlock ledger repair}: moves aside a last record torn by a crash, through the backend's
 * ledger port, so it works whatever the backend. It opens the backend without an engine: an engine
 * may read the ledger, and a torn ledger is exactly what it refuses to read.
 */
@Command(name = "repair", mixinStandardHelpOptions = true,
        description = "Move a last ledger record torn by a crash aside (never deleting it), so commands work again.",
        footerHeading = "%nExample:%n", footer = {"  airlock ledger repair"})
final class LedgerRepairCommand implements Callable<Integer> {
    @Mixin
    NoClaimedTime noClaimedTime;

    @Mixin
    BackendOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Optional<String> movedTo;
        try (Backend backend = Airlock.openBackend(options)) {
            movedTo = backend.ledger().repair();
        }
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("repaired", movedTo.isPresent());
        movedTo.ifPresent(where -> json.put("movedTo", where));
        out.println(options.output.json() ? Json.write(json) : movedTo
                .map(where -> "ledger repaired: its torn last record was moved to " + where)
                .orElse("nothing to repair: the ledger has no torn last record"));
        return ExitCodes.OK;
    }
}
