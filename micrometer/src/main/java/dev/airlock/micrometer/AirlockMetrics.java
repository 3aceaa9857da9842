package dev.airlock.micrometer;

import dev.airlock.ledger.EntryType;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.spi.PromotionListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Meters what the engine records, as a {@link PromotionListener}: decisions by outcome and by the
 * statements that denied or were unmet, how long each promotion step took (between its ledger
 * entries, so on the ledger's clock), bytes transferred, lease waits and conflicts. Add it with
 * {@code PromotionEngine.builder().listener(AirlockMetrics.of(registry))}.
 */
public final class AirlockMetrics implements PromotionListener {
    /** Decisions, tagged {@code outcome} and {@code environment}. */
    public static final String DECISIONS = "airlock.decisions";
    /** Statements that denied or were unmet, tagged {@code statement} and {@code outcome}. */
    public static final String STATEMENTS = "airlock.decisions.statements";
    /** Time from a promotion's previous entry to this one, tagged {@code step} (leased, transferred, ...). */
    public static final String STEPS = "airlock.promotion.step";
    /** Bytes copied into environments, tagged {@code environment}. */
    public static final String BYTES = "airlock.transfer.bytes";
    /** Promotions refused because another held the environment's lease, tagged {@code environment}. */
    public static final String LEASE_CONFLICTS = "airlock.lease.conflicts";
    /**
     * How long promotions waited for an environment's lease until they took it or were refused, tagged
     * {@code environment} and {@code outcome} (taken, held, conflict); its count counts each outcome.
     */
    public static final String LEASE_WAITS = "airlock.lease.wait";

    private final MeterRegistry registry;
    /** When each running promotion's latest entry was written; removed when the promotion ends. */
    private final Map<String, Instant> lastStep = new ConcurrentHashMap<>();

    private AirlockMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public static AirlockMetrics of(MeterRegistry registry) {
        return new AirlockMetrics(registry);
    }

    @Override
    public void onEntry(LedgerEntry entry) {
        String environment = entry.environment() == null ? "none" : entry.environment();
        if (entry.type() == EntryType.DECIDED) {
            String outcome = entry.details().getOrDefault("outcome", "unknown");
            Counter.builder(DECISIONS).description("promotion decisions").tag("outcome", outcome)
                    .tag("environment", environment).register(registry).increment();
            String decidedBy = entry.details().getOrDefault("decidedBy", "");
            for (String part : decidedBy.isBlank() ? new String[0] : decidedBy.split("; ")) {
                int colon = part.indexOf(": ");
                if (colon > 0) {
                    Counter.builder(STATEMENTS).description("statements that denied or were unmet")
                            .tag("statement", part.substring(0, colon)).tag("outcome", outcome).register(registry)
                            .increment();
                }
            }
        }
        if (entry.type() == EntryType.TRANSFERRED) {
            long bytes = parse(entry.details().get("bytesCopied"));
            Counter.builder(BYTES).baseUnit("bytes").description("bytes copied into environments")
                    .tag("environment", environment).register(registry).increment(bytes);
        }
        step(entry);
    }

    private void step(LedgerEntry entry) {
        String promotion = entry.promotionId();
        if (promotion == null) {
            return;
        }
        Instant previous = lastStep.put(promotion, entry.time());
        if (previous != null) {
            Timer.builder(STEPS).description("time from a promotion's previous step to this one")
                    .tag("step", entry.type().name().toLowerCase(Locale.ROOT)).register(registry)
                    .record(Duration.between(previous, entry.time()));
        }
        boolean ended = switch (entry.type()) {
            case RELEASED, FAILED, ABORTED -> true;
            case DECIDED -> !"ALLOWED".equals(entry.details().get("outcome"));
            default -> false;
        };
        if (ended) {
            lastStep.remove(promotion);
        }
    }

    @Override
    public void onLeaseConflict(String environment, String holder) {
        Counter.builder(LEASE_CONFLICTS).description("promotions refused because the environment's lease was held")
                .tag("environment", environment).register(registry).increment();
    }

    @Override
    public void onLeaseWait(LeaseWait wait) {
        Timer.builder(LEASE_WAITS).description("time promotions waited for an environment's lease")
                .tag("environment", wait.environment()).tag("outcome", wait.result().name().toLowerCase(Locale.ROOT))
                .register(registry).record(wait.waited());
    }

    private static long parse(String text) {
        try {
            return text == null ? 0 : Math.max(0, Long.parseLong(text));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public String toString() {
        return "AirlockMetrics[" + registry.getClass().getSimpleName() + "]";
    }
}
