package dev.airlock.testkit.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * {@link S3ParityTest} against moto_server, and where cheap, moto's laxer answers to what the fake holds
 * to AWS's rules (the README). Should one of those fail, moto has become stricter: run the
 * behaviour in the parity suite instead.
 */
class S3ParityOnMotoTest extends S3ParityTest {
    @Override
    ParityTarget target() {
        return new MotoTarget();
    }

    @Test
    void moto_ignoresAnExpectedBucketOwnerMismatch() {
        prod.putObject(p -> p.bucket("prod-artifacts").key("k").expectedBucketOwner(TestLandscape.TOOLING),
                RequestBody.fromString("written into the wrong account's bucket"));

        assertEquals("written into the wrong account's bucket",
                prod.getObjectAsBytes(g -> g.bucket("prod-artifacts").key("k")).asUtf8String());
    }

    @Test
    void moto_storesAChecksumWithoutVerifyingIt() {
        String wrong = S3Strictness.sha256Base64("other bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        prod.putObject(p -> p.bucket("prod-artifacts").key("k").checksumSHA256(wrong), RequestBody.fromString("bytes"));

        assertEquals("bytes", prod.getObjectAsBytes(g -> g.bucket("prod-artifacts").key("k")).asUtf8String());
    }
}
