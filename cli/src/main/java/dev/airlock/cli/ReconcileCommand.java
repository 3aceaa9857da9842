package dev.airlock.cli;

import dev.airlock.promotion.Reconciliation;
import dev.airlock.promotion.Reconciliation.Action;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code airlock reconcile}: promote the pending requests that are allowed by now. Safe to run from cron on
 * several machines at once; {@code --watch} keeps running and stops between passes on SIGTERM.
 */
@Command(name = "reconcile", description = "Promote the PENDING requests that the guardrails allow by now "
        + "(soak passed, approvals arrived, a window opened).",
        footerHeading = "%nExample:%n", footer = {"  airlock reconcile", "  airlock reconcile --watch 1m"})
final class ReconcileCommand extends EngineCommand {
    @Mixin
    NoClaimedTime noClaimedTime;

    @Option(names = "--watch", paramLabel = "INTERVAL", converter = WatchInterval.class,
            description = "Keep running, one pass every INTERVAL (e.g. 30s, 1m); stops cleanly on SIGTERM or Ctrl-C.")
    @Nullable Duration watch;

    /** Counted down when asked to stop; also what a watch sleeps on, so a stop does not wait out the interval. */
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);

    @Override
    public Integer call() {
        if (watch == null) {
            return super.call();
        }
        // The JVM halts once shutdown hooks return: the hook waits for the current pass to end and the backend
        // to close. It never interrupts the pass, since an interrupt closes the ledger's file channels mid-write.
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                finished.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "airlock-reconcile-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return super.call();
        } finally {
            finished.countDown();
        }
    }

    @Override
    int run(Airlock airlock, PrintWriter out) {
        int code = pass(airlock, out);
        while (watch != null && !stopRequested(watch)) {
            code = pass(airlock, out);
        }
        if (watch != null) {
            spec.commandLine().getErr().println("reconcile stopped");
            spec.commandLine().getErr().flush();
        }
        return code;
    }

    private boolean stopRequested(Duration interval) {
        try {
            return stop.await(interval.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** One pass; exit 1 when a promotion failed, so cron reports it, and 0 otherwise (waiting is normal). */
    private int pass(Airlock airlock, PrintWriter out) {
        List<Reconciliation> answers = airlock.engine.reconcile();
        List<Map<String, Object>> json = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Reconciliation r : answers) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("promotionId", r.promotionId());
            item.put("environment", r.target());
            item.put("digest", r.digest().value());
            item.put("action", r.action().name());
            item.put("detail", r.detail());
            item.put("newPromotionId", r.result() == null ? null : r.result().promotionId());
            json.add(item);
            text.append(String.format("%-17s %-10s %s  [promotion %s]  %s%n", r.action(), r.target(),
                    r.digest().shortForm(), r.promotionId(), r.detail()));
        }
        report(out, json, text.isEmpty() ? "nothing is pending" : text.toString().stripTrailing());
        out.flush();
        return answers.stream().anyMatch(r -> r.action() == Action.FAILED) ? ExitCodes.INTERNAL_ERROR : ExitCodes.OK;
    }
}
