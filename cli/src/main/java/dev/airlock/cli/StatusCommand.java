package dev.airlock.cli;

import dev.airlock.ledger.LedgerHead;
import dev.airlock.promotion.EnvironmentStatus;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code airlock status}: the current digest of every environment. */
@Command(name = "status", description = "Show what every environment runs.",
        footerHeading = "%nExample:%n", footer = {"  airlock status", "  airlock status -o json"})
final class StatusCommand extends EngineCommand {
    @Mixin
    ClaimedTime time;

    @Override
    @Nullable Instant at() {
        return time.at;
    }

    @Override
    int run(Airlock airlock, PrintWriter out) {
        List<EnvironmentStatus> status = airlock.engine.status();
        LedgerHead head = airlock.engine.head();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("environments", status.stream().map(Render::status).toList());
        json.put("ledgerHead", Render.head(head));
        report(out, json, status.stream().map(Render::statusLine).collect(Collectors.joining("\n"))
                + "\nledger head: " + Render.headText(head) + "  (pin it elsewhere; verify-ledger --expected-head)");
        return ExitCodes.OK;
    }
}
