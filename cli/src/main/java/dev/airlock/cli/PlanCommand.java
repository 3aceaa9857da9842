package dev.airlock.cli;

import dev.airlock.promotion.Plan;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code airlock plan}: a dry run. Exit code follows the decision (0 allowed, 3 denied, 4 pending). */
@Command(name = "plan", description = "Dry run: explain the decision and list the steps a promotion would take.",
        footerHeading = "%nExample:%n",
        footer = {"  airlock plan --artifact payments-api:1.4.2 --to prod-eu --at 2026-03-07T10:00:00Z"})
final class PlanCommand extends EngineCommand {
    @Mixin
    ClaimedTime time;

    @Override
    @Nullable Instant at() {
        return time.at;
    }

    @Mixin
    PromotionOptions promotion;

    @Override
    int run(Airlock airlock, PrintWriter out) {
        Plan plan = airlock.engine.plan(promotion.command(airlock, airlock.principal(options.principal)));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("decision", Render.decision(plan.decision()));
        json.put("steps", plan.steps());
        StringBuilder text = new StringBuilder(Explanation.full(plan.decision()));
        if (plan.decision().allowed()) {
            text.append("\nSteps:");
            plan.steps().forEach(step -> text.append("\n  - ").append(step));
        }
        report(out, json, Colour.forStdout(json()).outcomes(text.toString()));
        return Render.exitCode(plan.decision().outcome());
    }
}
