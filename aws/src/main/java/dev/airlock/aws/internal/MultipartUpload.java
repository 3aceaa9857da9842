package dev.airlock.aws.internal;

import dev.airlock.AirlockException;
import dev.airlock.artifact.Digest;
import dev.airlock.environment.AccountId;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Uploads a spooled file in parts, each with its SHA-256 checksum so S3 rejects a corrupted part,
 * several in flight at once; their composite is recorded on the object ({@link PartChecksums}). The object
 * appears only on CompleteMultipartUpload, sent with {@code If-None-Match: *}; on failure the upload is aborted.
 */
public final class MultipartUpload {
    private static final Logger LOG = LoggerFactory.getLogger(MultipartUpload.class);

    private final S3Client s3;
    private final AwsCalls calls;

    public MultipartUpload(S3Client s3, AwsCalls calls) {
        this.s3 = s3;
        this.calls = calls;
    }

    /**
     * Uploads {@code file}; false if the key was created by someone else meanwhile. The object carries the
     * {@link PartChecksums} of its parts in its metadata, so copies can later be verified without reading them.
     */
    public boolean upload(Path file, long size, String bucket, String key, AccountId owner, String contentType,
            long preferredPartSize, int parallelism) {
        String target = "s3://" + bucket + "/" + key;
        long partSize = MultipartCopy.partSize(size, preferredPartSize);
        int count = (int) ((size + partSize - 1) / partSize);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, count), runnable -> {
            Thread thread = new Thread(runnable, "airlock-s3-part-upload");
            thread.setDaemon(true);
            return thread;
        });
        try {
            // Every part is hashed before the upload is created: the metadata that records them is set only then.
            List<String> checksums = inParallel(pool, count, number -> checksum(file, number,
                    (number - 1) * partSize, Math.min(partSize, size - (number - 1) * partSize)));
            PartChecksums recorded = PartChecksums.of(partSize, checksums);
            String uploadId = calls.call(owner, "CreateMultipartUpload " + target, () -> s3.createMultipartUpload(r -> r
                    .bucket(bucket).key(key).expectedBucketOwner(owner.value()).contentType(contentType)
                    .metadata(recorded.metadata()).checksumAlgorithm(ChecksumAlgorithm.SHA256)).uploadId());
            try {
                List<CompletedPart> parts = inParallel(pool, count, number -> uploadPart(file, bucket, key, owner,
                        uploadId, number, (number - 1) * partSize,
                        Math.min(partSize, size - (number - 1) * partSize), checksums.get(number - 1)));
                return calls.call(owner, "CompleteMultipartUpload " + target, () -> {
                    try {
                        s3.completeMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId)
                                .expectedBucketOwner(owner.value()).ifNoneMatch("*")
                                .multipartUpload(u -> u.parts(parts)));
                        return true;
                    } catch (S3Exception e) {
                        if (e.statusCode() == 412) {
                            abort(bucket, key, owner, uploadId);
                            return false;
                        }
                        throw e;
                    }
                });
            } catch (RuntimeException e) {
                abort(bucket, key, owner, uploadId);
                throw e;
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs {@code task} for parts 1 to {@code count} on {@code pool}; the results in part order. */
    private static <T> List<T> inParallel(ExecutorService pool, int count, IntFunction<T> task) {
        List<Future<T>> futures = new ArrayList<>(count);
        for (int part = 1; part <= count; part++) {
            int number = part;
            futures.add(pool.submit(() -> task.apply(number)));
        }
        List<T> results = new ArrayList<>(count);
        for (Future<T> future : futures) {
            results.add(await(future));
        }
        return results;
    }

    /** The base64 SHA-256 of one part, streamed from the spool file so memory stays flat for any part size. */
    private static String checksum(Path file, int number, long offset, long length) {
        try (InputStream in = slice(file, offset, length)) {
            return Base64.getEncoder().encodeToString(Digest.of(in).raw());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read part " + number + " of the spooled upload", e);
        }
    }

    private CompletedPart uploadPart(Path file, String bucket, String key, AccountId owner, String uploadId,
            int number, long offset, long length, String checksum) {
        RequestBody body = RequestBody.fromContentProvider(() -> slice(file, offset, length), length,
                "application/octet-stream");
        String eTag = calls.call(owner, "UploadPart " + number + " of s3://" + bucket + "/" + key,
                () -> s3.uploadPart(r -> r.bucket(bucket).key(key).uploadId(uploadId).partNumber(number)
                        .expectedBucketOwner(owner.value()).checksumSHA256(checksum), body).eTag());
        return CompletedPart.builder().partNumber(number).eTag(eTag).checksumSHA256(checksum).build();
    }

    /** {@code length} bytes of {@code file} from {@code offset}. */
    static InputStream slice(Path file, long offset, long length) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ).position(offset);
            return new FilterInputStream(Channels.newInputStream(channel)) {
                private long remaining = length;

                @Override
                public int read() throws IOException {
                    if (remaining <= 0) {
                        return -1;
                    }
                    int b = super.read();
                    if (b >= 0) {
                        remaining--;
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int off, int len) throws IOException {
                    if (remaining <= 0) {
                        return -1;
                    }
                    int n = super.read(buffer, off, (int) Math.min(len, remaining));
                    if (n > 0) {
                        remaining -= n;
                    }
                    return n;
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("could not open the spooled upload", e);
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AirlockException("interrupted while uploading parts", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new AirlockException("uploading a part failed: " + e.getCause(), e.getCause());
        }
    }

    private void abort(String bucket, String key, AccountId owner, String uploadId) {
        try {
            s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId).expectedBucketOwner(owner.value()));
        } catch (RuntimeException e) {
            LOG.warn("could not abort multipart upload to s3://{}/{}: {}", bucket, key, e.getMessage());
        }
    }
}
