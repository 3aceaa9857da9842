package dev.airlock.benchmarks;

import dev.airlock.artifact.Digest;
import dev.airlock.aws.AwsAccessSession;
import dev.airlock.aws.AwsBackend;
import dev.airlock.aws.S3ArtifactStore;
import dev.airlock.aws.S3Verification;
import dev.airlock.environment.Landscape;
import dev.airlock.spi.AccessContext;
import dev.airlock.spi.Place;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What one S3 promotion moves through the client: a fresh artifact, uploaded to the origin before each
 * invocation (not measured), is promoted into dev as the engine does it — open access (the role chain is
 * warm after the first), transfer, verify — and every call and body byte of the backend's STS and S3
 * clients is counted. JMH reports the counters ({@code calls}, {@code getObjects}, {@code bytesRead},
 * {@code bytesSent}) summed over the measured iterations, one promotion each in single-shot mode; the trial
 * also prints them per warm promotion, with the calls by operation. {@code artifact=50MiB} is copied with
 * one CopyObject (default settings); {@code artifact=multipart} is the smallest artifact the multipart path
 * takes with the lowest threshold S3 allows (5 MiB and one byte, in two parts of 5 MiB and 1 byte), copied
 * with UploadPartCopy.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class S3VerificationBenchmark {
    private static final long MIB = 1024 * 1024;

    @Param({"fakes", "moto"})
    public String target;

    @Param({"CHECKSUM", "READ_BACK"})
    public S3Verification verification;

    @Param({"50MiB", "multipart"})
    public String artifact;

    private final Traffic traffic = new Traffic();
    private final Map<String, S3Client> admins = new HashMap<>();
    private final Map<String, Long> operations = new TreeMap<>();
    private long bytesRead;
    private long bytesSent;
    private Landscape landscape;
    private AwsBackend backend;
    private AwsPromotionTargets.Target aws;
    private byte[] content;
    private Digest digest;
    private long promotions;

    /** Per-promotion counters, reported by JMH beside the time. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Counters {
        public long calls;
        public long getObjects;
        public long bytesRead;
        public long bytesSent;

        @Setup(Level.Iteration)
        public void clear() {
            calls = 0;
            getObjects = 0;
            bytesRead = 0;
            bytesSent = 0;
        }
    }

    @Setup(Level.Trial)
    public void start() {
        landscape = AwsPromotionTargets.landscape();
        boolean multipart = artifact.equals("multipart");
        long threshold = 5 * MIB;
        aws = AwsPromotionTargets.open(target, landscape, AwsPromotionTargets.configuration().s3(s3 -> {
            s3.verification(verification);
            if (multipart) {
                s3.multipartCopyThreshold(threshold).copyPartSize(threshold);
            }
        }), traffic::count);
        backend = aws.backend();
        content = new byte[(int) (multipart ? threshold + 1 : 50 * MIB)];
        new Random(42).nextBytes(content);
    }

    /** A new artifact every time: a promotion of bytes already in place copies and verifies nothing. */
    @Setup(Level.Invocation)
    public void register() {
        content[0]++;
        digest = backend.s3Store().upload(new ByteArrayInputStream(content), "application/octet-stream").digest();
        traffic.reset();
    }

    @Benchmark
    public void promote(Counters counters) {
        S3ArtifactStore store = backend.s3Store();
        Place dev = Place.of(landscape.require("dev"));
        try (AwsAccessSession session = backend.environmentAccess().open(landscape.require("dev"),
                new AccessContext("promotion-" + promotions, "alice"))) {
            store.transfer(digest, dev, session);
            store.verify(digest, dev, session);
        }
        counters.calls += traffic.calls();
        counters.getObjects += traffic.calls("getObject");
        counters.bytesRead += traffic.bytesRead();
        counters.bytesSent += traffic.bytesSent();
    }

    /** Removes the artifact again, so memory (the fake's, moto's) stays flat over many promotions. */
    @TearDown(Level.Invocation)
    public void forget() {
        if (promotions++ > 0) {
            traffic.byOperation().forEach((operation, count) -> operations.merge(operation, count, Long::sum));
            bytesRead += traffic.bytesRead();
            bytesSent += traffic.bytesSent();
        }
        String key = backend.s3Store().key(digest);
        admin("111111111111").deleteObject(d -> d.bucket("airlock-origin").key(key));
        admin("222222222222").deleteObject(d -> d.bucket("airlock-dev").key(key));
    }

    @TearDown(Level.Trial)
    public void stop() {
        long warm = promotions - 1;
        System.out.println();
        System.out.println("per warm promotion (" + target + ", " + verification + ", " + artifact + ", " + warm
                + " promotions): " + bytesRead / warm + " bytes read, " + bytesSent / warm + " bytes sent, calls "
                + operations.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue() / (double) warm).toList());
        admins.values().forEach(S3Client::close);
        backend.close();
    }

    private S3Client admin(String account) {
        return admins.computeIfAbsent(account, aws.admin());
    }
}
