package dev.airlock.cli;

import dev.airlock.promotion.PromotionResult;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code airlock rollback ENV}: back to the environment's previous verified digest, through the guardrails. */
@Command(name = "rollback", description = "Roll an environment back to its previous verified artifact.",
        footerHeading = "%nExample:%n", footer = {"  airlock rollback staging"})
final class RollbackCommand extends EngineCommand {
    @Mixin
    NoClaimedTime noClaimedTime;

    @Parameters(index = "0", paramLabel = "ENV", description = "The environment.")
    String environment;

    @Option(names = "--key", paramLabel = "KEY", description = "Idempotency key (default: rollback-ENV-<time>).")
    String idempotencyKey;

    @Override
    int run(Airlock airlock, PrintWriter out) {
        String key = idempotencyKey != null ? idempotencyKey
                : "rollback-" + environment + "-" + airlock.clock.instant().toEpochMilli();
        PromotionResult result = airlock.engine.rollback(environment, airlock.principal(options.principal), key);
        String text = result.status() == PromotionResult.Status.PROMOTED
                ? "ROLLED BACK " + environment + " to " + result.digest().shortForm()
                        + (result.previous() == null ? "" : " (was " + result.previous().shortForm() + ")")
                : Explanation.brief(result.decision()) + Render.resultLine(result);
        report(out, Render.result(result), text);
        return Render.exitCode(result.status());
    }
}
