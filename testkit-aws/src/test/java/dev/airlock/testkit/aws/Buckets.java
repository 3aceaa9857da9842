package dev.airlock.testkit.aws;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CreateBucketConfiguration;

/** Buckets and bucket policies as the tests set them up, through the S3 API. */
final class Buckets {
    private Buckets() {
    }

    /** Creates a bucket in the client's region the way S3 requires (a LocationConstraint outside us-east-1). */
    static void create(S3Client s3, String bucket, Region region) {
        s3.createBucket(b -> b.bucket(bucket).createBucketConfiguration(location(region)));
    }

    static void createWithObjectLock(S3Client s3, String bucket, Region region) {
        s3.createBucket(b -> b.bucket(bucket).objectLockEnabledForBucket(true).createBucketConfiguration(location(region)));
    }

    private static @Nullable CreateBucketConfiguration location(Region region) {
        return region.equals(Region.US_EAST_1)
                ? null
                : CreateBucketConfiguration.builder().locationConstraint(region.id()).build();
    }

    /** A bucket policy letting {@code principal} read the bucket's objects. */
    static String allowRead(String principal, String bucket) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                + principal + "\"},\"Action\":[\"s3:GetObject\",\"s3:GetObjectVersion\"],\"Resource\":\"arn:aws:s3:::"
                + bucket + "/*\"}]}";
    }
}
