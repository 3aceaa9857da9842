package dev.airlock.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code airlock abort ID}: abandon an interrupted promotion and release its lease. */
@Command(name = "abort", description = "Abort an interrupted promotion; the environment keeps what it ran.",
        footerHeading = "%nExample:%n",
        footer = {"  airlock abort 7c9e6679-7425-40de-944b-e07fc1f90ae7 --reason \"promoter host lost\""})
final class AbortCommand extends EngineCommand {
    @Mixin
    NoClaimedTime noClaimedTime;

    @Parameters(index = "0", paramLabel = "PROMOTION_ID", description = "The promotion id (see history).")
    String promotionId;

    @Option(names = "--reason", required = true, description = "Why it is aborted (recorded in the ledger).")
    String reason;

    @Override
    int run(Airlock airlock, PrintWriter out) {
        airlock.engine.abort(promotionId, airlock.principal(options.principal), reason);
        report(out, Map.of("promotionId", promotionId, "status", "ABORTED"), "ABORTED promotion " + promotionId);
        return ExitCodes.OK;
    }
}
