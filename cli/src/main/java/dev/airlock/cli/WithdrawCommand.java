package dev.airlock.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code airlock withdraw ID}: take back a pending request so that reconcile never promotes it. */
@Command(name = "withdraw", description = "Withdraw a PENDING promotion request; reconcile will not promote it.",
        footerHeading = "%nExample:%n",
        footer = {"  airlock withdraw 7c9e6679-7425-40de-944b-e07fc1f90ae7 --reason \"superseded by 1.4.3\""})
final class WithdrawCommand extends EngineCommand {
    @Mixin
    NoClaimedTime noClaimedTime;

    @Parameters(index = "0", paramLabel = "PROMOTION_ID", description = "The pending promotion (see pending).")
    String promotionId;

    @Option(names = "--reason", required = true, description = "Why it is withdrawn (recorded in the ledger).")
    String reason;

    @Override
    int run(Airlock airlock, PrintWriter out) {
        airlock.engine.withdraw(promotionId, airlock.principal(options.principal), reason);
        report(out, Map.of("promotionId", promotionId, "status", "WITHDRAWN"), "WITHDRAWN promotion " + promotionId);
        return ExitCodes.OK;
    }
}
