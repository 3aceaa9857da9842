package dev.airlock.aws;

import dev.airlock.aws.internal.Validate;
import org.jspecify.annotations.Nullable;

/**
 * The S3 ledger: one object per entry in a bucket of the security account.
 *
 * @param bucket    the bucket in the security account that holds the ledger; required by the S3 ledger.
 *                  Default none
 * @param prefix    the key prefix of the ledger (entries are {@code <prefix>/entries/<sequence>.json});
 *                  change it to keep several ledgers in one bucket. Default {@code airlock/ledger}
 * @param cacheSize how many entries are kept in memory, 0 to 10,000,000; entries never change, so the cache
 *                  is never stale. Lower it for small heaps; 0 reads every entry from S3. Default 10,000
 */
public record S3LedgerConfiguration(@Nullable String bucket, String prefix, int cacheSize) {

    public S3LedgerConfiguration {
        Validate.bucket("ledgerBucket", bucket);
        Validate.prefix("ledgerPrefix", prefix);
        Validate.range("ledgerCacheSize", cacheSize, 0, 10_000_000);
    }

    /** No bucket, prefix {@code airlock/ledger}, 10,000 entries cached. */
    public static S3LedgerConfiguration defaults() {
        return new S3LedgerConfiguration(null, "airlock/ledger", 10_000);
    }

    public static Builder builder() {
        return defaults().toBuilder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds an {@link S3LedgerConfiguration} starting from {@link #defaults()}; see the record for each option. */
    public static final class Builder {
        private @Nullable String bucket;
        private String prefix;
        private int cacheSize;

        private Builder(S3LedgerConfiguration from) {
            bucket = from.bucket;
            prefix = from.prefix;
            cacheSize = from.cacheSize;
        }

        public Builder bucket(@Nullable String bucket) {
            this.bucket = bucket;
            return this;
        }

        public Builder prefix(String prefix) {
            this.prefix = prefix;
            return this;
        }

        public Builder cacheSize(int entries) {
            this.cacheSize = entries;
            return this;
        }

        public S3LedgerConfiguration build() {
            return new S3LedgerConfiguration(bucket, prefix, cacheSize);
        }
    }
}
