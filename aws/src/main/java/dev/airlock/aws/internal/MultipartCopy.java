package dev.airlock.aws.internal;

import dev.airlock.AirlockException;
import dev.airlock.environment.AccountId;
import dev.airlock.spi.TransferProgress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartCopyResponse;

/**
 * A server-side copy of one object in parts (UploadPartCopy), several parts in flight at once, for
 * objects above the CopyObject limit or the configured threshold. The object appears only when
 * CompleteMultipartUpload succeeds, which is sent with {@code If-None-Match: *} so it never replaces
 * an existing object; on any failure the upload is aborted, so no parts are left behind to pay for.
 */
public final class MultipartCopy {
    private static final Logger LOG = LoggerFactory.getLogger(MultipartCopy.class);
    /** S3 allows at most 10,000 parts per upload. */
    private static final long MAX_PARTS = 10_000;

    private final S3Client s3;
    private final AwsCalls calls;
    private final AwsRequestOverrideConfiguration attribution;

    public MultipartCopy(S3Client s3, AwsCalls calls, AwsRequestOverrideConfiguration attribution) {
        this.s3 = s3;
        this.calls = calls;
        this.attribution = attribution;
    }

    /** Where to copy from and to, and what to put on the new object. */
    public record Copy(String sourceBucket, AccountId sourceOwner, String sourceETag, String key, long size,
            @Nullable String contentType, String bucket, AccountId owner, @Nullable ObjectLockMode lockMode,
            @Nullable Instant lockUntil) {
    }

    /** The part size to use for {@code size} bytes: {@code preferred}, or larger if 10,000 parts would not do. */
    public static long partSize(long size, long preferred) {
        long minimum = (size + MAX_PARTS - 1) / MAX_PARTS;
        return Math.max(preferred, minimum);
    }

    /**
     * Whether this copy created the target key (false: someone else created it meanwhile; content-addressed,
     * so the same bytes), and the composite SHA-256 checksum S3 computed for the copy, if it reported one.
     */
    public record Result(boolean created, @Nullable String checksumSha256, @Nullable ChecksumType checksumType) {
    }

    /**
     * Copies in parts of {@code preferredPartSize} (grown if 10,000 parts would not do). S3 computes every
     * part's SHA-256 from the copied bytes and the composite on completion, so a copy in the parts the
     * artifact was registered in can be checked against the composite recorded then.
     */
    public Result copy(Copy copy, long preferredPartSize, int parallelism) {
        return copy(copy, preferredPartSize, parallelism, TransferProgress.NONE);
    }

    /** Like {@link #copy(Copy, long, int)}, telling {@code progress} the bytes copied as each part completes. */
    public Result copy(Copy copy, long preferredPartSize, int parallelism, TransferProgress progress) {
        String target = "s3://" + copy.bucket() + "/" + copy.key();
        CreateMultipartUploadRequest.Builder create = CreateMultipartUploadRequest.builder()
                .bucket(copy.bucket()).key(copy.key()).expectedBucketOwner(copy.owner().value())
                .contentType(copy.contentType()).checksumAlgorithm(ChecksumAlgorithm.SHA256)
                .overrideConfiguration(attribution);
        if (copy.lockMode() != null) {
            create.objectLockMode(copy.lockMode()).objectLockRetainUntilDate(copy.lockUntil());
        }
        String uploadId = calls.call(copy.owner(), "CreateMultipartUpload " + target,
                () -> s3.createMultipartUpload(create.build()).uploadId());
        try {
            List<CompletedPart> parts = copyParts(copy, uploadId, partSize(copy.size(), preferredPartSize), parallelism,
                    progress);
            return calls.call(copy.owner(), "CompleteMultipartUpload " + target, () -> {
                try {
                    CompleteMultipartUploadResponse completed = s3.completeMultipartUpload(r -> r.bucket(copy.bucket())
                            .key(copy.key()).uploadId(uploadId).expectedBucketOwner(copy.owner().value())
                            .ifNoneMatch("*").multipartUpload(u -> u.parts(parts)).overrideConfiguration(attribution));
                    return new Result(true, completed.checksumSHA256(), completed.checksumType());
                } catch (S3Exception e) {
                    if (e.statusCode() == 412) {
                        abort(copy, uploadId);
                        return new Result(false, null, null);
                    }
                    throw e;
                }
            });
        } catch (RuntimeException e) {
            abort(copy, uploadId);
            throw e;
        }
    }

    private List<CompletedPart> copyParts(Copy copy, String uploadId, long partSize, int parallelism,
            TransferProgress progress) {
        int count = (int) ((copy.size() + partSize - 1) / partSize);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, count), runnable -> {
            Thread thread = new Thread(runnable, "airlock-s3-part-copy");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<CompletedPart>> futures = new ArrayList<>(count);
            for (int part = 1; part <= count; part++) {
                int number = part;
                long first = (part - 1) * partSize;
                long last = Math.min(copy.size(), first + partSize) - 1;
                futures.add(pool.submit(() -> copyPart(copy, uploadId, number, first, last)));
            }
            List<CompletedPart> parts = new ArrayList<>(count);
            long copied = 0;
            for (int part = 0; part < count; part++) {
                parts.add(await(futures.get(part)));
                // Awaited in order, so what is reported only grows, even when later parts finish first.
                copied = Math.min(copy.size(), copied + partSize);
                progress.bytes(copied, copy.size());
            }
            parts.sort(Comparator.comparing(CompletedPart::partNumber));
            return parts;
        } finally {
            pool.shutdownNow();
        }
    }

    private CompletedPart copyPart(Copy copy, String uploadId, int number, long first, long last) {
        UploadPartCopyResponse response = calls.call(copy.owner(), "UploadPartCopy part " + number + " of s3://"
                + copy.bucket() + "/" + copy.key(), () -> s3.uploadPartCopy(r -> r
                        .sourceBucket(copy.sourceBucket()).sourceKey(copy.key())
                        .expectedSourceBucketOwner(copy.sourceOwner().value())
                        // Every part must come from the same version of the source.
                        .copySourceIfMatch(copy.sourceETag())
                        .destinationBucket(copy.bucket()).destinationKey(copy.key())
                        .expectedBucketOwner(copy.owner().value())
                        .uploadId(uploadId).partNumber(number).copySourceRange("bytes=" + first + "-" + last)
                        .overrideConfiguration(attribution)));
        return CompletedPart.builder().partNumber(number).eTag(response.copyPartResult().eTag())
                .checksumSHA256(response.copyPartResult().checksumSHA256()).build();
    }

    private static CompletedPart await(Future<CompletedPart> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AirlockException("interrupted while copying parts", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new AirlockException("copying a part failed: " + e.getCause(), e.getCause());
        }
    }

    private void abort(Copy copy, String uploadId) {
        try {
            s3.abortMultipartUpload(r -> r.bucket(copy.bucket()).key(copy.key()).uploadId(uploadId)
                    .expectedBucketOwner(copy.owner().value()).overrideConfiguration(attribution));
        } catch (RuntimeException e) {
            // A lifecycle rule (AbortIncompleteMultipartUpload) cleans up what this could not.
            LOG.warn("could not abort multipart upload to s3://{}/{}: {}", copy.bucket(), copy.key(), e.getMessage());
        }
    }
}
