package dev.airlock.testkit.aws;

import static dev.airlock.testkit.aws.contract.AwsContractTarget.PROD;
import static dev.airlock.testkit.aws.contract.AwsContractTarget.TOOLING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.airlock.testkit.aws.contract.AwsContractTarget;
import dev.airlock.testkit.aws.contract.S3Contract;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@link S3Contract} against moto_server, and where cheap, moto's laxer answers to what the fake holds
 * to AWS's rules (the README). Should one of those fail, moto has become stricter: move the behaviour
 * into the contract.
 */
class MotoS3ContractTest extends S3Contract {
    @Override
    protected AwsContractTarget createTarget() {
        return new MotoTarget();
    }

    @Test
    void moto_ignoresAnExpectedBucketOwnerMismatch() {
        S3Client prod = target().s3(target().account(PROD));

        prod.putObject(p -> p.bucket(PROD_BUCKET).key("k").expectedBucketOwner(TOOLING),
                RequestBody.fromString("written into the wrong account's bucket"));

        assertEquals("written into the wrong account's bucket",
                prod.getObjectAsBytes(g -> g.bucket(PROD_BUCKET).key("k")).asUtf8String());
    }

    @Test
    void moto_storesAChecksumWithoutVerifyingIt() {
        S3Client prod = target().s3(target().account(PROD));
        String wrong = S3Strictness.sha256Base64("other bytes".getBytes(StandardCharsets.UTF_8));

        prod.putObject(p -> p.bucket(PROD_BUCKET).key("k").checksumSHA256(wrong), RequestBody.fromString("bytes"));

        assertEquals("bytes", prod.getObjectAsBytes(g -> g.bucket(PROD_BUCKET).key("k")).asUtf8String());
    }
}
