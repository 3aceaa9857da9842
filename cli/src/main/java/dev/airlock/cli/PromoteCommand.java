package dev.airlock.cli;

import dev.airlock.promotion.PromotionResult;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code airlock promote}: promote by digest, or record why not (exit 3 denied, 4 pending, 5 conflict). */
@Command(name = "promote", description = "Promote an artifact, by digest, into an environment.",
        footerHeading = "%nExample:%n",
        footer = {"  airlock promote --artifact payments-api:1.4.2 --to staging",
                "  airlock promote --digest sha256:<64 hex> --to prod-eu --attr change=CHG-1234"})
final class PromoteCommand extends EngineCommand {
    @Mixin
    NoClaimedTime noClaimedTime;

    @Mixin
    PromotionOptions promotion;

    @Override
    int run(Airlock airlock, PrintWriter out) {
        PromotionResult result = airlock.engine.promote(promotion.command(airlock, airlock.principal(options.principal)));
        String text = result.status() == PromotionResult.Status.PROMOTED
                || result.status() == PromotionResult.Status.ALREADY_PROMOTED
                ? Render.resultLine(result)
                : Explanation.brief(result.decision()) + Render.resultLine(result);
        report(out, Render.result(result), Colour.forStdout(json()).outcomes(text));
        return Render.exitCode(result.status());
    }
}
