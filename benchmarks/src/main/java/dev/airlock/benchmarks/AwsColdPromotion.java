package dev.airlock.benchmarks;

import dev.airlock.artifact.Digest;
import dev.airlock.attestation.InMemoryKeys;
import dev.airlock.aws.AwsBackend;
import dev.airlock.environment.Landscape;
import dev.airlock.ledger.CheckpointCodec;
import dev.airlock.promotion.PromotionCommand;
import dev.airlock.promotion.PromotionEngine;
import dev.airlock.promotion.PromotionResult;
import dev.airlock.spi.Ledger;
import dev.airlock.testkit.ManualClock;
import dev.airlock.testkit.aws.AwsCall;
import dev.airlock.testkit.aws.AwsWorld;
import dev.airlock.testkit.moto.MotoServer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * AWS requests one cold promotion makes — a new process: no cached credentials, no cached ledger entries —
 * against an S3 ledger with a history of N entries, on the in-memory AWS or on moto_server:
 * <pre>
 * AwsColdPromotion fakes|moto N [N ...]
 * </pre>
 * For each N: a history written by the real engine on the S3 ledger (a checkpoint every 1,000 entries), then
 * three cold promotions into dev, each by its own backend: with checkpoints; the same ledger with checkpoints
 * hidden ({@link Checkpointless}, the behaviour before them); and with checkpoints after 500 more entries (a
 * longer tail). Requests are counted from the in-memory AWS's record, or on moto by an SDK interceptor.
 */
public final class AwsColdPromotion {
    /** Every principal's and builder's signing key, made on first use. */
    private static final InMemoryKeys KEYS = new InMemoryKeys();

    private static final int TAIL = 500;

    private AwsColdPromotion() {
    }

    /** One request, by what it touched. */
    record Request(String operation, String bucket, String key) {
        /** What the request is for: the ledger's entries or checkpoints, or the rest of the promotion. */
        String what() {
            if (!AwsPromotionTargets.LEDGER_BUCKET.equals(bucket)) {
                return operation;
            }
            return operation + (key.contains("/checkpoints/") ? " ledger checkpoint" : " ledger entry");
        }
    }

    public static void main(String[] args) {
        boolean moto = args[0].equals("moto");
        for (int i = 1; i < args.length; i++) {
            run(moto, Long.parseLong(args[i]));
        }
        System.exit(0); // moto_server's shutdown hook stops it
    }

    private static void run(boolean moto, long entries) {
        Landscape landscape = AwsPromotionTargets.landscape();
        List<Request> sent = new CopyOnWriteArrayList<>();
        AwsWorld world = moto ? null : AwsPromotionTargets.world(landscape);
        Supplier<AwsBackend> backends = moto
                ? () -> AwsPromotionTargets.moto(landscape, false, new Recorder(sent))
                : () -> AwsPromotionTargets.backend(world, landscape);
        if (moto) {
            MotoServer.shared().reset();
            AwsPromotionTargets.moto(landscape, true).close();
        }
        AwsBackend setup = backends.get();
        ManualClock clock = ManualClock.at(Instant.now().minus(Duration.ofDays(400)));
        History history = new History(landscape, new AllowAll(), setup.ledger(), clock, 1_000, KEYS, KEYS);
        long start = System.nanoTime();
        history.fillTo(entries);
        System.out.printf("== %s, %d entries written in %.1f s%n", moto ? "moto" : "in-memory AWS", entries,
                (System.nanoTime() - start) / 1e9);
        List<Digest> builds = List.of(build(setup, history, clock, 1), build(setup, history, clock, 2),
                build(setup, history, clock, 3));

        Function<List<AwsCall>, List<Request>> fromWorld = calls -> calls.stream().map(c -> new Request(c.operation(),
                String.valueOf(c.field("Bucket")), String.valueOf(c.field("Key")) + c.field("Prefix"))).toList();
        Supplier<List<Request>> requests = moto ? () -> List.copyOf(sent) : () -> fromWorld.apply(world.calls());
        Runnable forget = moto ? sent::clear : world::clearCalls;

        // The history's engine catches up before each count: its reads are not the cold promotion's.
        promote(backends, b -> b.ledger(), builds.get(0), "with checkpoints", history.engine().head().sequence(),
                requests, forget, clock);
        promote(backends, b -> new Checkpointless(b.ledger()), builds.get(1), "checkpoints hidden",
                history.engine().head().sequence(), requests, forget, clock);
        history.fillTo(history.engine().head().sequence() + TAIL);
        promote(backends, b -> b.ledger(), builds.get(2), "with checkpoints, " + TAIL + " more entries",
                history.engine().head().sequence(), requests, forget, clock);
        setup.close();
    }

    /** Registers a build whose bytes are at the real origin, for a cold promotion to copy. */
    private static Digest build(AwsBackend backend, History history, ManualClock clock, int n) {
        byte[] bytes = ("cold build " + n + " " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        backend.s3Store().upload(new ByteArrayInputStream(bytes), "application/java-archive");
        return history.engine().register(History.registration("cold", "9." + n + ".0", clock),
                new ByteArrayInputStream(bytes), History.CI).digest();
    }

    /** A cold promotion; it writes on the history's clock, since the ledger refuses entries dated back. */
    private static void promote(Supplier<AwsBackend> backends, Function<AwsBackend, Ledger> ledger, Digest digest,
            String label, long head, Supplier<List<Request>> requests, Runnable forget, Clock clock) {
        forget.run();
        try (AwsBackend backend = backends.get()) {
            Ledger port = ledger.apply(backend);
            PromotionEngine engine = PromotionEngine.builder().keyring(KEYS).signers(KEYS).landscape(backend.landscape()).guardrails(new AllowAll())
                    .store(backend.s3Store()).access(backend.environmentAccess()).ledger(port)
                    .clock(clock).build();
            long start = System.nanoTime();
            PromotionResult result = engine.promote(PromotionCommand.builder(digest, "dev", History.CI).build());
            double ms = (System.nanoTime() - start) / 1e6;
            List<Request> made = requests.get();
            Map<String, Long> byWhat = new TreeMap<>();
            made.forEach(r -> byWhat.merge(r.what(), 1L, Long::sum));
            long ledgerReads = made.stream().filter(r -> AwsPromotionTargets.LEDGER_BUCKET.equals(r.bucket())
                    && !r.operation().equals("PutObject")).count();
            long checkpointBytes = port.latestCheckpoint().map(c -> (long) CheckpointCodec.toJson(c).length())
                    .orElse(0L);
            System.out.printf("%-42s %s in %.0f ms; ledger at entry %d, %d after the last checkpoint (%d bytes);"
                    + " %d requests, %d of them ledger reads: %s%n", label, result.status(), ms, head, head % 1_000,
                    checkpointBytes, made.size(), ledgerReads, byWhat);
        }
    }

    /** Counts every HTTP attempt the SDK clients send to moto, with the bucket and key or prefix it names. */
    private static final class Recorder implements ExecutionInterceptor {
        private final List<Request> sent;

        Recorder(List<Request> sent) {
            this.sent = sent;
        }

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            SdkRequest request = context.request();
            sent.add(new Request(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                    request.getValueForField("Bucket", String.class).orElse("null"),
                    request.getValueForField("Key", String.class).orElse("null")
                            + request.getValueForField("Prefix", String.class).orElse("")));
        }
    }
}
