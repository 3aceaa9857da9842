package dev.airlock.aws;

import java.util.Arrays;

/**
 * The artifact store contract for the S3 store when artifacts are above the multipart threshold:
 * uploads and transfers go through multipart uploads and UploadPartCopy, which S3 gives no
 * whole-object SHA-256 for, so the store checks such copies against the composite checksum recorded
 * at upload (or reads them back when there is no record).
 */
class S3MultipartCopyContractTest extends S3ArtifactStoreContractTest {
    private static final int THRESHOLD = 5 * 1024 * 1024;

    @Override
    AwsConfiguration.Builder configuration(AwsConfiguration.Builder defaults) {
        return defaults.s3(s3 -> s3.multipartCopyThreshold(THRESHOLD).copyPartSize(THRESHOLD));
    }

    /** Just above the threshold: two parts, the second small, so the cases stay quick. */
    @Override
    protected Sample sample(int n) {
        byte[] small = super.sample(n).bytes();
        byte[] large = Arrays.copyOf(small, THRESHOLD + small.length);
        System.arraycopy(small, 0, large, THRESHOLD, small.length);
        return new Sample(large, "application/octet-stream");
    }
}
