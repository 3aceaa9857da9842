package dev.airlock.testkit.aws;

import static dev.airlock.testkit.aws.TestLandscape.HUB;
import static dev.airlock.testkit.aws.TestLandscape.PROD;
import static dev.airlock.testkit.aws.TestLandscape.REGION;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

class ConcurrencyTest {
    private static final int THREADS = 8;

    private final TestLandscape aws = new TestLandscape();

    @Test
    @StricterThanMoto("`If-None-Match: *` is atomic")
    void racingConditionalCreates_fromSeparateClients_haveExactlyOneWinner() throws Exception {
        Buckets.create(aws.s3(aws.root(PROD)), "prod-ledger", REGION);
        List<Callable<String>> racers = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < THREADS; i++) {
            String body = "promoter-" + i;
            S3Client s3 = aws.s3(aws.root(PROD));
            racers.add(() -> {
                start.await();
                try {
                    s3.putObject(p -> p.bucket("prod-ledger").key("entries/000001").ifNoneMatch("*"),
                            RequestBody.fromString(body));
                    return "won";
                } catch (AwsServiceException e) {
                    return e.awsErrorDetails().errorCode();
                }
            });
        }

        List<String> outcomes = run(racers, start);

        assertEquals(1, outcomes.stream().filter("won"::equals).count(), outcomes::toString);
        assertEquals(THREADS - 1, outcomes.stream().filter("PreconditionFailed"::equals).count());
        assertEquals(THREADS, aws.world.calls(AwsService.S3, "PutObject").size());
    }

    @Test
    void concurrentAssumeRoles_eachGetTheirOwnWorkingSession() throws Exception {
        List<Callable<String>> callers = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < THREADS; i++) {
            callers.add(() -> {
                start.await();
                String keys = "";
                for (int n = 0; n < 50; n++) {
                    keys = aws.sts(aws.hub()).getCallerIdentity().arn();
                }
                return keys;
            });
        }

        List<String> identities = run(callers, start);

        assertEquals(Set.of("arn:aws:sts::111111111111:assumed-role/hub/build-42"), new HashSet<>(identities));
        assertEquals(THREADS * 50, aws.world.calls(AwsService.STS, "AssumeRole").size());
        assertEquals(HUB, aws.world.calls(AwsService.STS, "AssumeRole").get(0).field("RoleArn"));
    }

    private static List<String> run(List<Callable<String>> tasks, CountDownLatch start) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (Callable<String> task : tasks) {
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
