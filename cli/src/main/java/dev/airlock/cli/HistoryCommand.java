package dev.airlock.cli;

import dev.airlock.ledger.LedgerEntry;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code airlock history ENV}: the ledger entries of one environment, a line each; details on demand. */
@Command(name = "history", description = "Show the ledger entries of an environment.",
        footerHeading = "%nExample:%n",
        footer = {"  airlock history prod-eu",
                "  airlock history prod-eu --details -o json"})
final class HistoryCommand extends EngineCommand {
    @Mixin
    ClaimedTime time;

    @Override
    @Nullable Instant at() {
        return time.at;
    }

    @Parameters(index = "0", paramLabel = "ENV", description = "The environment.")
    String environment;

    @Option(names = {"-d", "--details"}, description = "Show every detail of every entry, one per line.")
    boolean details;

    @Option(names = "--width", paramLabel = "COLUMNS", defaultValue = "${env:COLUMNS:-120}",
            description = "Cut each line at this many characters (default: $COLUMNS, else ${DEFAULT-VALUE}).")
    int width;

    @Override
    int run(Airlock airlock, PrintWriter out) {
        List<LedgerEntry> entries = airlock.engine.history(environment);
        report(out, entries.stream().map(Render::entry).toList(),
                entries.isEmpty() ? "no entries for " + environment
                        : entries.stream().map(e -> details ? Render.entryHead(e) + "\n"
                                + Render.entryDetails(e) : Render.entryLine(e, Math.max(40, width)))
                                .collect(Collectors.joining("\n")));
        return ExitCodes.OK;
    }
}
