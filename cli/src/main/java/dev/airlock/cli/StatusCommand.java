package dev.airlock.cli;

import dev.airlock.artifact.Artifact;
import dev.airlock.ledger.LedgerHead;
import dev.airlock.promotion.EnvironmentStatus;
import dev.airlock.promotion.PendingPromotion;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code airlock status}: what every environment runs, what is being promoted and what waits. */
@Command(name = "status", description = "Show what every environment runs, the promotion in flight and those that wait.",
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
        List<PendingPromotion> pending = airlock.engine.pending();
        LedgerHead head = airlock.engine.head();
        Function<PendingPromotion, String> label = p -> {
            Artifact artifact = airlock.engine.artifact(p.digest());
            return artifact.name() + ":" + artifact.version();
        };
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("environments", status.stream().map(s -> {
            Map<String, Object> environment = Render.status(s);
            environment.put("pending", pending.stream().filter(p -> p.target().equals(s.environment().name()))
                    .map(p -> {
                        Map<String, Object> item = new LinkedHashMap<>();
                        item.put("promotionId", p.promotionId());
                        item.put("artifact", label.apply(p));
                        item.put("digest", p.digest().value());
                        item.put("principal", p.principal());
                        return item;
                    }).toList());
            return environment;
        }).toList());
        json.put("ledgerHead", Render.head(head));
        report(out, json, StatusTable.text(status, pending, label)
                + "\nledger head: " + Render.headText(head) + "  (pin it elsewhere; verify-ledger --expected-head)");
        return ExitCodes.OK;
    }
}
