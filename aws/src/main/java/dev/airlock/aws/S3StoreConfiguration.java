package dev.airlock.aws;

import dev.airlock.InvalidValueException;
import dev.airlock.aws.internal.Validate;
import org.jspecify.annotations.Nullable;

/**
 * The S3 artifact store: where files are uploaded and how large objects are copied between accounts.
 *
 * @param originBucket           the bucket in the tooling account that artifacts are uploaded to; required
 *                               by the S3 store. Default none
 * @param artifactPrefix         the key prefix of artifacts in every bucket (keys are
 *                               {@code <prefix>/sha256/<hex>}); change it to share buckets with other
 *                               data. Default {@code airlock/artifacts}
 * @param multipartCopyThreshold objects larger than this are copied with parallel UploadPartCopy instead of
 *                               one CopyObject, 5 MiB to 5 GiB (the CopyObject limit). Lower it to copy
 *                               large objects faster in parallel. Default 5 GiB: the fewest requests
 * @param copyPartSize           the part size of multipart copies and uploads, 5 MiB to 5 GiB (grown when
 *                               10,000 parts would not suffice). Default 256 MiB
 * @param copyParallelism        how many parts of one multipart copy or upload are in flight at once, 1 to
 *                               64; raise it on a fast network, lower it when throttled. Default 4
 * @param verification           how a copy is proven to hold the digest's bytes: {@link S3Verification#CHECKSUM}
 *                               compares the SHA-256 checksums S3 computed and reads no object bytes;
 *                               {@link S3Verification#READ_BACK} reads every copy back and hashes it, for
 *                               storage whose checksums cannot be trusted. Default {@code CHECKSUM}
 */
public record S3StoreConfiguration(@Nullable String originBucket, String artifactPrefix, long multipartCopyThreshold,
        long copyPartSize, int copyParallelism, S3Verification verification) {

    public S3StoreConfiguration {
        Validate.bucket("originBucket", originBucket);
        Validate.prefix("artifactPrefix", artifactPrefix);
        Validate.size("multipartCopyThreshold", multipartCopyThreshold, 5 * Validate.MIB, 5 * Validate.GIB);
        Validate.size("copyPartSize", copyPartSize, 5 * Validate.MIB, 5 * Validate.GIB);
        Validate.range("copyParallelism", copyParallelism, 1, 64);
        InvalidValueException.requireNonNull("verification", verification);
    }

    /**
     * No origin bucket, prefix {@code airlock/artifacts}, single-request copies up to 5 GiB, 256 MiB parts, 4 at
     * once, verified by checksum.
     */
    public static S3StoreConfiguration defaults() {
        return new S3StoreConfiguration(null, "airlock/artifacts", 5 * Validate.GIB, 256 * Validate.MIB, 4,
                S3Verification.CHECKSUM);
    }

    public static Builder builder() {
        return defaults().toBuilder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds an {@link S3StoreConfiguration} starting from {@link #defaults()}; see the record for each option. */
    public static final class Builder {
        private @Nullable String originBucket;
        private String artifactPrefix;
        private long multipartCopyThreshold;
        private long copyPartSize;
        private int copyParallelism;
        private S3Verification verification;

        private Builder(S3StoreConfiguration from) {
            originBucket = from.originBucket;
            artifactPrefix = from.artifactPrefix;
            multipartCopyThreshold = from.multipartCopyThreshold;
            copyPartSize = from.copyPartSize;
            copyParallelism = from.copyParallelism;
            verification = from.verification;
        }

        public Builder originBucket(@Nullable String originBucket) {
            this.originBucket = originBucket;
            return this;
        }

        public Builder artifactPrefix(String artifactPrefix) {
            this.artifactPrefix = artifactPrefix;
            return this;
        }

        public Builder multipartCopyThreshold(long bytes) {
            this.multipartCopyThreshold = bytes;
            return this;
        }

        public Builder copyPartSize(long bytes) {
            this.copyPartSize = bytes;
            return this;
        }

        public Builder copyParallelism(int parts) {
            this.copyParallelism = parts;
            return this;
        }

        public Builder verification(S3Verification verification) {
            this.verification = verification;
            return this;
        }

        public S3StoreConfiguration build() {
            return new S3StoreConfiguration(originBucket, artifactPrefix, multipartCopyThreshold, copyPartSize,
                    copyParallelism, verification);
        }
    }
}
