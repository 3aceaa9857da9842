package dev.airlock.benchmarks;

import dev.airlock.artifact.Digest;
import dev.airlock.attestation.InMemoryKeys;
import dev.airlock.aws.AwsBackend;
import dev.airlock.environment.Landscape;
import dev.airlock.promotion.PromotionCommand;
import dev.airlock.promotion.PromotionEngine;
import dev.airlock.promotion.PromotionResult;
import dev.airlock.testkit.ManualClock;
import dev.airlock.testkit.aws.AwsCall;
import dev.airlock.testkit.aws.AwsService;
import dev.airlock.testkit.aws.AwsWorld;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * N promoters, each in its own environment with its own backend (as N CI jobs on N machines), promoting
 * through one shared S3 ledger on the in-memory AWS while every S3 and STS call takes a fixed latency:
 * <pre>
 * SharedLedgerContention LATENCY_MS SECONDS N [N ...]
 * </pre>
 * Builds are registered before the latency is switched on; each promoter then makes one promotion to warm up
 * (cold start, role chain), and all of them promote for SECONDS. Appends and conflicts are counted from the
 * in-memory AWS's record of conditional PutObjects on ledger entries: a 412 or 409 is a lost race, retried.
 */
public final class SharedLedgerContention {
    /** Every principal's and builder's signing key, made on first use. */
    private static final InMemoryKeys KEYS = new InMemoryKeys();

    private SharedLedgerContention() {
    }

    public static void main(String[] args) throws InterruptedException {
        Duration latency = Duration.ofMillis(Long.parseLong(args[0]));
        Duration window = Duration.ofSeconds(Long.parseLong(args[1]));
        System.out.println("promoters | appends/s | conflicts/s | conflicts per append | promotions/s | "
                + "per promoter /s | promotion p50 / p95 ms | failed");
        for (int i = 2; i < args.length; i++) {
            run(Integer.parseInt(args[i]), latency, window);
        }
    }

    private static void run(int promoters, Duration latency, Duration window) throws InterruptedException {
        Landscape landscape = AwsPromotionTargets.independent(promoters);
        AwsWorld world = AwsPromotionTargets.world(landscape);
        int builds = Math.max(30, 800 / promoters); // more than a promoter gets through in the window
        List<List<Digest>> digests = register(world, landscape, promoters, builds);
        world.faults().delayAlways(AwsService.S3, "*", latency).delayAlways(AwsService.STS, "*", latency);

        CountDownLatch warm = new CountDownLatch(promoters);
        CountDownLatch go = new CountDownLatch(1);
        AtomicLong promoted = new AtomicLong();
        List<Long> millis = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<String, Long> failures = new ConcurrentHashMap<>();
        Instant[] bounds = new Instant[2];
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < promoters; p++) {
            String environment = landscape.environments().get(p).name();
            List<Digest> mine = digests.get(p);
            Thread thread = new Thread(() -> {
                try (AwsBackend backend = AwsPromotionTargets.backend(world, landscape)) {
                    PromotionEngine engine = PromotionEngine.builder().keyring(KEYS).signers(KEYS).landscape(landscape).guardrails(new AllowAll())
                            .store(backend.s3Store()).access(backend.environmentAccess()).ledger(backend.ledger())
                            .clock(Clock.systemUTC()).build();
                    promote(engine, mine.get(0), environment, failures);
                    warm.countDown();
                    go.await();
                    for (int n = 1; n < mine.size() && Instant.now().isBefore(bounds[1]); n++) {
                        long start = System.nanoTime();
                        if (promote(engine, mine.get(n), environment, failures) && Instant.now().isBefore(bounds[1])) {
                            promoted.incrementAndGet();
                            millis.add((System.nanoTime() - start) / 1_000_000);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "promoter-" + environment);
            thread.start();
            threads.add(thread);
        }
        warm.await();
        bounds[0] = Instant.now();
        bounds[1] = bounds[0].plus(window);
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        report(promoters, world, bounds, promoted.get(), millis, failures);
    }

    /** Builds for every promoter, uploaded and registered by one setup engine before any latency is injected. */
    private static List<List<Digest>> register(AwsWorld world, Landscape landscape, int promoters, int builds) {
        List<List<Digest>> out = new ArrayList<>();
        try (AwsBackend setup = AwsPromotionTargets.backend(world, landscape)) {
            ManualClock clock = ManualClock.at(Instant.now().minus(Duration.ofDays(1)));
            PromotionEngine engine = PromotionEngine.builder().keyring(KEYS).signers(KEYS).landscape(landscape).guardrails(new AllowAll())
                    .store(setup.s3Store()).access(setup.environmentAccess()).ledger(setup.ledger()).clock(clock)
                    .build();
            for (int p = 0; p < promoters; p++) {
                List<Digest> mine = new ArrayList<>();
                for (int b = 0; b < builds; b++) {
                    byte[] bytes = ("service " + p + " build " + b).getBytes(StandardCharsets.UTF_8);
                    mine.add(engine.register(History.registration("service-" + p, "1." + b + ".0", clock),
                            new ByteArrayInputStream(bytes), History.CI).digest());
                }
                out.add(mine);
            }
        }
        world.clearCalls();
        return out;
    }

    private static boolean promote(PromotionEngine engine, Digest digest, String environment,
            Map<String, Long> failures) {
        try {
            PromotionResult result = engine.promote(PromotionCommand.builder(digest, environment, History.CI).build());
            return result.status() == PromotionResult.Status.PROMOTED;
        } catch (RuntimeException e) {
            if (failures.merge(e.getClass().getSimpleName(), 1L, Long::sum) == 1) {
                System.err.println("first " + e.getClass().getSimpleName() + ": " + e.getMessage()
                        + (e.getCause() == null ? "" : " (cause: " + e.getCause().getMessage() + ")"));
            }
            return false;
        }
    }

    private static void report(int promoters, AwsWorld world, Instant[] bounds, long promoted, List<Long> millis,
            Map<String, Long> failures) {
        long appends = 0;
        long conflicts = 0;
        for (AwsCall call : world.calls()) {
            boolean entry = call.operation().equals("PutObject") && AwsPromotionTargets.LEDGER_BUCKET.equals(
                    call.field("Bucket")) && String.valueOf(call.field("Key")).contains("/entries/");
            // A call is stamped when it arrives; it lands one latency later.
            if (entry && !call.time().isBefore(bounds[0]) && call.time().isBefore(bounds[1])) {
                if (call.succeeded()) {
                    appends++;
                } else if (call.statusCode() == 412 || call.statusCode() == 409) {
                    conflicts++;
                }
            }
        }
        double seconds = Duration.between(bounds[0], bounds[1]).toMillis() / 1000.0;
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("%d | %.1f | %.1f | %.2f | %.2f | %.3f | %s / %s | %s%n", promoters, appends / seconds,
                conflicts / seconds, appends == 0 ? 0 : (double) conflicts / appends, promoted / seconds,
                promoted / seconds / promoters, percentile(sorted, 50), percentile(sorted, 95),
                failures.isEmpty() ? "none" : new TreeMap<>(failures));
    }

    private static String percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? "-" : Long.toString(sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)));
    }
}
