package dev.airlock.cli;

import dev.airlock.guardrail.Decision;
import dev.airlock.guardrail.Outcome;
import dev.airlock.guardrail.PromotionRequest;
import dev.airlock.promotion.PendingPromotion;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code airlock pending}: the promotions that wait, per environment, and what each still needs. */
@Command(name = "pending", description = "List the promotions that wait (approvals, soak, a window) and what each still needs.",
        footerHeading = "%nExample:%n", footer = {"  airlock pending", "  airlock pending --env prod-eu -o json"})
final class PendingCommand extends EngineCommand {
    @Mixin
    ClaimedTime time;

    @Override
    @Nullable Instant at() {
        return time.at;
    }

    @Option(names = "--env", paramLabel = "ENV", description = "Only promotions into this environment.")
    @Nullable String environment;

    @Override
    int run(Airlock airlock, PrintWriter out) {
        if (environment != null) {
            airlock.configuration.landscape().require(environment);
        }
        List<Map<String, Object>> json = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (PendingPromotion pending : airlock.engine.pending()) {
            PromotionRequest request = pending.plan().request();
            if (environment != null && !environment.equals(request.target().name())) {
                continue;
            }
            Decision decision = pending.plan().decision();
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("promotionId", pending.promotionId());
            item.put("environment", request.target().name());
            item.put("source", request.source() == null ? null : request.source().name());
            item.put("artifact", request.artifact().name() + ":" + request.artifact().version());
            item.put("digest", request.artifact().digest().value());
            item.put("principal", request.principal().id());
            item.put("decision", Render.decision(decision));
            json.add(item);
            text.append(String.format("%-10s %s:%s %s  asked by %s  [promotion %s]%n", request.target().name(),
                    request.artifact().name(), request.artifact().version(), request.artifact().digest().shortForm(),
                    request.principal().id(), pending.promotionId()));
            text.append("  ").append(now(decision, airlock)).append('\n');
        }
        report(out, json, text.isEmpty() ? "nothing is pending" + (environment == null ? "" : " for " + environment)
                : text.toString().stripTrailing());
        return ExitCodes.OK;
    }

    /** What it needs now: it may have become allowed (promote again) or denied since it was asked for. */
    private static String now(Decision decision, Airlock airlock) {
        if (decision.outcome() == Outcome.PENDING) {
            return "waiting for: " + String.join(", ", Waiting.items(decision));
        }
        return decision.outcome() == Outcome.ALLOWED ? "ready: allowed now; promote again to go ahead"
                : "now " + decision.summary();
    }
}
