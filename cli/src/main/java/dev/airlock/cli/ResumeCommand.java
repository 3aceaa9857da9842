package dev.airlock.cli;

import dev.airlock.promotion.PromotionResult;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code airlock resume ID}: continue a promotion whose promoter stopped part-way. */
@Command(name = "resume", description = {"Resume an interrupted promotion from its last recorded step.",
        "It is judged again as it was asked (requester, attributes, break-glass); only its initiator or an owner of "
                + "the target may resume it."},
        footerHeading = "%nExample:%n", footer = {"  airlock resume 7c9e6679-7425-40de-944b-e07fc1f90ae7"})
final class ResumeCommand extends EngineCommand {
    @Mixin
    NoClaimedTime noClaimedTime;

    @Parameters(index = "0", paramLabel = "PROMOTION_ID", description = "The promotion id (see history).")
    String promotionId;

    @Override
    int run(Airlock airlock, PrintWriter out) {
        PromotionResult result = airlock.engine.resume(promotionId, airlock.principal(options.principal));
        boolean stopped = result.status() == PromotionResult.Status.DENIED
                || result.status() == PromotionResult.Status.PENDING;
        report(out, Render.result(result), (stopped
                ? Explanation.brief(result.decision()) : "") + Render.resultLine(result));
        return Render.exitCode(result.status());
    }
}
