package dev.airlock.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.airlock.environment.Region;
import dev.airlock.testkit.moto.MotoServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/** AWS calls are counted by service, operation and outcome, on moto's real API. */
class AwsCallMetricsOnMotoTest {
    @Test
    void calls_areCountedByServiceOperationAndOutcome() {
        MotoServer moto = MotoServer.shared();
        moto.reset();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AwsClientFactory factory = AwsClientFactory.builder().emulator(moto.endpoint())
                .addInterceptor(new AwsCallMetrics(registry)).build();
        try (S3Client s3 = factory.s3(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE",
                "moto-ignores-this")), Region.of("us-east-1"))) {
            s3.listBuckets();
            assertThrows(NoSuchBucketException.class, () -> s3.listObjectsV2(r -> r.bucket("no-such-bucket")));
        }

        assertEquals(1, registry.get(AwsCallMetrics.CALLS).tag("service", "S3").tag("operation", "ListBuckets")
                .tag("outcome", "ok").timer().count());
        assertEquals(1, registry.get(AwsCallMetrics.CALLS).tag("operation", "ListObjectsV2")
                .tag("outcome", "NoSuchBucket").timer().count());
    }
}
