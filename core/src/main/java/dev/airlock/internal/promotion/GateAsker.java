package dev.airlock.internal.promotion;

import dev.airlock.guardrail.GateAnswer;
import dev.airlock.spi.Gate;
import dev.airlock.spi.GateRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the gates a decision reads, all at once and each for at most {@code timeout}. A gate that is
 * missing, throws, hangs or answers for another gate counts as pending: only an answer that arrived in
 * time can approve, so a broken gate can delay a promotion but never let one through.
 */
public final class GateAsker {
    private static final Logger LOG = LoggerFactory.getLogger(GateAsker.class);

    private final Map<String, Gate> gates;
    private final Duration timeout;
    // Daemon threads: a gate that never returns must not keep the embedding program alive.
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "airlock-gate");
        thread.setDaemon(true);
        return thread;
    });

    public GateAsker(Map<String, Gate> gates, Duration timeout) {
        this.gates = Map.copyOf(gates);
        this.timeout = timeout;
    }

    /** The answers of {@code names} to {@code request}, by gate name. */
    public Map<String, GateAnswer> ask(Set<String> names, GateRequest request) {
        Map<String, CompletableFuture<GateAnswer>> asked = new TreeMap<>();
        for (String name : names) {
            Gate gate = gates.get(name);
            asked.put(name, gate == null ? CompletableFuture.completedFuture(GateAnswer.pending(name,
                    "no gate named '" + name + "' is configured")) : CompletableFuture.supplyAsync(() -> gate.ask(request),
                    executor));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, GateAnswer> answers = new TreeMap<>();
        asked.forEach((name, future) -> answers.put(name, await(name, future, deadline)));
        return answers;
    }

    private static GateAnswer await(String name, CompletableFuture<GateAnswer> future, long deadline) {
        try {
            GateAnswer answer = future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (answer == null || !answer.gate().equals(name)) {
                return GateAnswer.pending(name, "the gate answered for another gate");
            }
            return answer;
        } catch (TimeoutException e) {
            future.cancel(true);
            LOG.warn("gate '{}' did not answer in time; counted as pending", name);
            return GateAnswer.pending(name, "no answer in time");
        } catch (ExecutionException e) {
            // The cause's message may come from a remote service; only its type is shown.
            LOG.warn("gate '{}' failed ({}); counted as pending", name, e.getCause().getClass().getSimpleName());
            return GateAnswer.pending(name, "the gate failed (" + e.getCause().getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return GateAnswer.pending(name, "interrupted while waiting for the gate");
        }
    }
}
