package dev.airlock.aws;

import dev.airlock.InvalidValueException;
import dev.airlock.artifact.Digest;
import dev.airlock.aws.internal.AwsCalls;
import dev.airlock.aws.internal.ChecksumCheck;
import dev.airlock.aws.internal.MultipartCopy;
import dev.airlock.aws.internal.MultipartUpload;
import dev.airlock.aws.internal.PartChecksums;
import dev.airlock.aws.internal.ProbeCache;
import dev.airlock.aws.internal.Spool;
import dev.airlock.environment.AccountId;
import dev.airlock.spi.AccessSession;
import dev.airlock.spi.ArtifactNotFoundException;
import dev.airlock.spi.ArtifactStore;
import dev.airlock.spi.DigestMismatchException;
import dev.airlock.spi.Place;
import dev.airlock.spi.TransferProgress;
import java.io.InputStream;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.GetObjectLockConfigurationResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Files in S3, content-addressed: every artifact lives at {@code <prefix>/sha256/<hex>} in the origin
 * bucket (tooling account) and in each environment's bucket (its own account).
 *
 * <ul>
 *   <li>{@link #upload}: PutObject into the origin bucket with the SHA-256 checksum (S3 rejects bytes that
 *       do not match it) and {@code If-None-Match: *}; above the multipart threshold, a multipart upload
 *       with a checksum per part, whose composite is recorded in the object's
 *       metadata.</li>
 *   <li>{@link #transfer}: a server-side copy made with the environment session's credentials (the bytes
 *       never pass through Airlock): HeadObject at the target first, then CopyObject (or parallel
 *       UploadPartCopy above the threshold, in the parts the artifact was registered in) with
 *       {@code If-None-Match: *}, optional Object Lock retention and a SHA-256 checksum that S3 computes
 *       from the copied bytes. A copy whose checksum does not match the digest (the origin's object is
 *       corrupt) is deleted again and the transfer fails.</li>
 *   <li>{@link #verify}: with {@link S3Verification#CHECKSUM} (the default), HeadObject with checksum mode:
 *       the whole-object SHA-256 S3 computed must be the digest, or, for an object in parts, the composite
 *       must be the one recorded on the origin at registration. No object bytes are read; an object without
 *       a SHA-256 checksum (written by another tool) is read back. With {@link S3Verification#READ_BACK},
 *       the object is read back and hashed: one GET of the whole object.</li>
 * </ul>
 * Every request carries {@code ExpectedBucketOwner} (and {@code ExpectedSourceBucketOwner} on copies), so a
 * bucket name that was deleted and re-created in another account is never used. {@link #isImmutable}
 * answers are kept for five minutes per place (an admin can change them).
 */
public final class S3ArtifactStore implements ArtifactStore {
    private static final Logger LOG = LoggerFactory.getLogger(S3ArtifactStore.class);
    private static final long PUT_LIMIT = 5L * 1024 * 1024 * 1024;

    private final AwsConfiguration configuration;
    private final AccountId tooling;
    private final String originBucket;
    private final S3Client toolingS3;
    private final AwsCalls calls;
    private final Function<Place, AwsAccessSession> inspector;
    private final Clock clock;
    private final ProbeCache<Place> immutability;

    S3ArtifactStore(AwsConfiguration configuration, AccountId tooling, S3Client toolingS3, AwsCalls calls,
            Function<Place, AwsAccessSession> inspector, Clock clock) {
        this.configuration = configuration;
        this.tooling = tooling;
        this.originBucket = InvalidValueException.requireNonNull("originBucket", configuration.s3().originBucket());
        this.toolingS3 = toolingS3;
        this.calls = calls;
        this.inspector = inspector;
        this.clock = clock;
        this.immutability = new ProbeCache<>(clock);
    }

    /** The key of {@code digest} in every bucket. */
    public String key(Digest digest) {
        return configuration.s3().artifactPrefix() + "/sha256/" + digest.hex();
    }

    /** The bucket of {@code place}: the origin bucket, or the environment's configured bucket. */
    public String bucket(Place place) {
        if (place.isOrigin()) {
            return originBucket;
        }
        String bucket = configuration.environment(place.name()).bucket();
        if (bucket == null) {
            throw new InvalidValueException("environments." + place.name() + ".bucket", null,
                    "is required to keep files in environment " + place.name());
        }
        return bucket;
    }

    @Override
    public Upload upload(InputStream content, String mediaType) {
        return upload(content, mediaType, upload -> { });
    }

    /** {@inheritDoc} Here the bytes are spooled and hashed first, so refused bytes never reach the bucket. */
    @Override
    public Upload upload(InputStream content, String mediaType, Consumer<Upload> admit) {
        try (Spool spool = Spool.of(content)) {
            Digest digest = spool.digest();
            admit.accept(new Upload(digest, spool.size()));
            String key = key(digest);
            String where = "s3://" + originBucket + "/" + key;
            if (head(toolingS3, originBucket, key, tooling, null).isPresent()) {
                LOG.debug("{} is already at the origin", digest);
                return new Upload(digest, spool.size());
            }
            boolean created;
            if (spool.size() <= Math.min(configuration.s3().multipartCopyThreshold(), PUT_LIMIT)) {
                created = calls.call(tooling, "PutObject " + where, () -> {
                    try {
                        toolingS3.putObject(r -> r.bucket(originBucket).key(key).contentType(mediaType)
                                .expectedBucketOwner(tooling.value()).ifNoneMatch("*")
                                .checksumSHA256(ChecksumCheck.base64(digest)), RequestBody.fromFile(spool.path()));
                        return true;
                    } catch (S3Exception e) {
                        if (e.statusCode() == 412) {
                            return false;
                        }
                        throw e;
                    }
                });
            } else {
                created = new MultipartUpload(toolingS3, calls).upload(spool.path(), spool.size(), originBucket, key,
                        tooling, mediaType, configuration.s3().copyPartSize(), configuration.s3().copyParallelism());
            }
            LOG.info("{} {} ({} bytes) at the origin {}", created ? "stored" : "found (uploaded concurrently)", digest,
                    spool.size(), where);
            return new Upload(digest, spool.size());
        }
    }

    @Override
    public boolean contains(Place place, Digest digest, AccessSession session) {
        Client client = client(place, session);
        return head(client.s3, bucket(place), key(digest), place.account(), client.attribution).isPresent();
    }

    @Override
    public Transfer transfer(Digest digest, Place target, AccessSession session) {
        return transfer(digest, target, session, TransferProgress.NONE);
    }

    /** Reports as each part of a multipart copy completes, and once when a single copy does. */
    @Override
    public Transfer transfer(Digest digest, Place target, AccessSession session, TransferProgress progress) {
        if (target.isOrigin()) {
            if (!contains(target, digest, session)) {
                throw new ArtifactNotFoundException(digest, target);
            }
            return new Transfer(digest, 0, true);
        }
        AwsAccessSession aws = requireSession(target, session);
        S3Client s3 = aws.s3();
        String bucket = bucket(target);
        String key = key(digest);
        if (head(s3, bucket, key, target.account(), aws.attribution()).isPresent()) {
            LOG.debug("{} is already in {}", digest, target);
            return new Transfer(digest, 0, true);
        }
        // Read with the environment's credentials: the copy below needs exactly this permission.
        HeadObjectResponse source = head(s3, originBucket, key, tooling, aws.attribution())
                .orElseThrow(() -> new ArtifactNotFoundException(digest, Place.origin(tooling)));
        ObjectLockRetention lock = configuration.environment(target.name()).objectLock();
        PartChecksums recorded = recorded(source);
        Copied copied = source.contentLength() <= configuration.s3().multipartCopyThreshold()
                ? copyObject(aws, target, bucket, key, lock)
                : multipartCopy(aws, target, bucket, key, source, recorded, lock, progress);
        progress.bytes(source.contentLength(), source.contentLength());
        boolean created = copied.created();
        if (created) {
            requireIntactCopy(aws, digest, target, bucket, key, copied, recorded);
        }
        LOG.info("{} {} into {} (s3://{}/{}, {} bytes)", created ? "copied" : "found (copied concurrently)", digest,
                target, bucket, key, source.contentLength());
        return created ? new Transfer(digest, source.contentLength(), false) : new Transfer(digest, 0, true);
    }

    @Override
    public void verify(Digest digest, Place place, AccessSession session) {
        Client client = client(place, session);
        String bucket = bucket(place);
        String key = key(digest);
        DigestMismatchException mismatch;
        if (configuration.s3().verification() == S3Verification.READ_BACK) {
            mismatch = readBack(digest, place, client.s3, bucket, client.attribution);
        } else {
            HeadObjectResponse head = head(client.s3, bucket, key, place.account(), client.attribution, true)
                    .orElse(null);
            if (head == null) {
                throw new DigestMismatchException(digest, null, place);
            }
            ChecksumCheck.Verdict verdict = ChecksumCheck.judge(digest, head.checksumSHA256(), head.checksumType(),
                    null);
            if (!(verdict instanceof ChecksumCheck.Match) && head.checksumType() != ChecksumType.FULL_OBJECT) {
                // A checksum of parts: only the record made at registration, on the origin, can settle it.
                verdict = ChecksumCheck.judge(digest, head.checksumSHA256(), head.checksumType(), place.isOrigin()
                        ? recorded(head) : head(client.s3, originBucket, key, tooling, client.attribution, false)
                                .map(S3ArtifactStore::recorded).orElse(null));
            }
            mismatch = settle(verdict, digest, place, client.s3, bucket, client.attribution);
        }
        if (mismatch != null) {
            throw mismatch;
        }
        LOG.debug("verified {} in {}", digest, place);
    }

    /** The part checksums recorded on an origin object at registration, if it has a record that fits its size. */
    private static @Nullable PartChecksums recorded(HeadObjectResponse origin) {
        PartChecksums recorded = PartChecksums.from(origin.metadata());
        return recorded != null && origin.contentLength() != null && recorded.describes(origin.contentLength())
                ? recorded : null;
    }

    /** Null if {@code verdict} shows the object holds {@code digest}'s bytes; reads them back only if it cannot tell. */
    private @Nullable DigestMismatchException settle(ChecksumCheck.Verdict verdict, Digest digest, Place place,
            S3Client s3, String bucket, @Nullable AwsRequestOverrideConfiguration attribution) {
        if (verdict instanceof ChecksumCheck.Match) {
            return null;
        }
        if (verdict instanceof ChecksumCheck.Mismatch mismatch) {
            return mismatch.actual() != null ? new DigestMismatchException(digest, mismatch.actual(), place)
                    : new DigestMismatchException(digest, place, mismatch.found());
        }
        LOG.info("reading {} in {} back to verify it: {}", digest, place, ((ChecksumCheck.Unknown) verdict).why());
        return readBack(digest, place, s3, bucket, attribution);
    }

    private @Nullable DigestMismatchException readBack(Digest digest, Place place, S3Client s3, String bucket,
            @Nullable AwsRequestOverrideConfiguration attribution) {
        Digest actual = hashOf(s3, bucket, key(digest), place.account(), attribution);
        return digest.equals(actual) ? null : new DigestMismatchException(digest, actual, place);
    }

    /** The SHA-256 of the object's bytes as read back, or null if there is no such object. */
    private @Nullable Digest hashOf(S3Client s3, String bucket, String key, AccountId owner,
            @Nullable AwsRequestOverrideConfiguration attribution) {
        return calls.call(owner, "GetObject s3://" + bucket + "/" + key, () -> {
            try (ResponseInputStream<GetObjectResponse> in = s3.getObject(r -> r.bucket(bucket).key(key)
                    .expectedBucketOwner(owner.value()).overrideConfiguration(attribution))) {
                return Digest.of(in);
            } catch (S3Exception e) {
                if (e.statusCode() == 404) {
                    return null;
                }
                throw e;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /**
     * Makes sure a copy this transfer just wrote holds the digest's bytes, and removes it if not. The
     * origin's bytes can be corrupt; a copy left behind would look present to every later transfer
     * (which never overwrites) and poison the environment's place for good. The checksum S3 reported for
     * the copy settles it (with {@link S3Verification#READ_BACK}, only a whole-object one); otherwise its
     * bytes are read back and hashed.
     */
    private void requireIntactCopy(AwsAccessSession session, Digest digest, Place target, String bucket, String key,
            Copied copied, @Nullable PartChecksums recorded) {
        boolean checksums = configuration.s3().verification() == S3Verification.CHECKSUM;
        if (checksums && copied.checksum() == null) {
            // AWS reports the checksum with the copy; services that do not (moto) may still have one to show.
            copied = head(session.s3(), bucket, key, target.account(), session.attribution(), true)
                    .map(head -> new Copied(true, head.checksumSHA256(), head.checksumType())).orElse(copied);
        }
        ChecksumCheck.Verdict verdict = checksums
                ? ChecksumCheck.judge(digest, copied.checksum(), copied.type(), recorded)
                : copied.type() == ChecksumType.COMPOSITE ? new ChecksumCheck.Unknown("verification is read-back")
                : ChecksumCheck.judge(digest, copied.checksum(), copied.type(), null);
        DigestMismatchException mismatch = settle(verdict, digest, target, session.s3(), bucket, session.attribution());
        if (mismatch == null) {
            return;
        }
        try {
            calls.call(target.account(), "DeleteObject s3://" + bucket + "/" + key, () -> session.s3().deleteObject(
                    r -> r.bucket(bucket).key(key).expectedBucketOwner(target.account().value())
                            .overrideConfiguration(session.attribution())));
            LOG.warn("removed the copy of {} in {}: {}; the origin's copy is corrupt", digest, target,
                    mismatch.getMessage());
        } catch (RuntimeException e) {
            // Object Lock or a policy can forbid the delete; the environment's place then needs an operator.
            LOG.error("the copy of {} in {} does not verify and could not be removed from s3://{}/{}: {}", digest,
                    target, bucket, key, mismatch.getMessage());
            mismatch.addSuppressed(e);
        }
        throw mismatch;
    }

    /**
     * True when S3 itself keeps objects at {@code place} from being replaced or deleted: the bucket has
     * Object Lock enabled and either a default retention or, for an environment, configured
     * {@link ObjectLockRetention} that every promotion puts on its copies. Airlock's own discipline
     * ({@code If-None-Match: *} on every write) is not enough to answer true: anyone else allowed
     * {@code s3:PutObject} on the bucket could still replace an object.
     */
    @Override
    public boolean isImmutable(Place place) {
        return immutability.get(place, () -> probeImmutable(place));
    }

    private boolean probeImmutable(Place place) {
        String bucket = bucket(place);
        if (place.isOrigin()) {
            return objectLocked(toolingS3, bucket, place, null);
        }
        try (AwsAccessSession session = inspector.apply(place)) {
            return objectLocked(session.s3(), bucket, place, session.attribution());
        }
    }

    private boolean objectLocked(S3Client s3, String bucket, Place place,
            @Nullable AwsRequestOverrideConfiguration attribution) {
        GetObjectLockConfigurationResponse response = calls.call(place.account(),
                "GetObjectLockConfiguration s3://" + bucket, () -> {
                    try {
                        return s3.getObjectLockConfiguration(r -> r.bucket(bucket)
                                .expectedBucketOwner(place.account().value()).overrideConfiguration(attribution));
                    } catch (S3Exception e) {
                        if (e.statusCode() == 404) {
                            return null;
                        }
                        throw e;
                    }
                });
        if (response == null || response.objectLockConfiguration() == null
                || response.objectLockConfiguration().objectLockEnabled() != ObjectLockEnabled.ENABLED) {
            return false;
        }
        var rule = response.objectLockConfiguration().rule();
        boolean defaultRetention = rule != null && rule.defaultRetention() != null;
        boolean promotionRetention = !place.isOrigin() && configuration.environment(place.name()).objectLock() != null;
        return defaultRetention || promotionRetention;
    }

    private Copied copyObject(AwsAccessSession session, Place target, String bucket, String key,
            @Nullable ObjectLockRetention lock) {
        CopyObjectRequest.Builder request = CopyObjectRequest.builder()
                .sourceBucket(originBucket).sourceKey(key).expectedSourceBucketOwner(tooling.value())
                .destinationBucket(bucket).destinationKey(key).expectedBucketOwner(target.account().value())
                .ifNoneMatch("*").metadataDirective(MetadataDirective.COPY)
                .checksumAlgorithm(ChecksumAlgorithm.SHA256)
                .overrideConfiguration(session.attribution());
        if (lock != null) {
            // S3 demands an integrity header on writes that set retention; the copy is checksummed with SHA-256.
            request.objectLockMode(ObjectLockMode.fromValue(lock.mode().name()))
                    .objectLockRetainUntilDate(clock.instant().plus(lock.period()))
                    .overrideConfiguration(session.attribution().toBuilder()
                            .putHeader("x-amz-sdk-checksum-algorithm", "SHA256").build());
        }
        CopyObjectResponse response = calls.call(target.account(), "CopyObject s3://" + originBucket + "/" + key
                + " to s3://" + bucket + "/" + key, () -> {
                    try {
                        return session.s3().copyObject(request.build());
                    } catch (S3Exception e) {
                        if (e.statusCode() == 412) {
                            return null;
                        }
                        throw e;
                    }
                });
        if (response == null) {
            return new Copied(false, null, null);
        }
        // S3 computes the SHA-256 of the copy it wrote: the check of what landed costs no extra request.
        var result = response.copyObjectResult();
        return new Copied(true, result == null ? null : result.checksumSHA256(),
                result == null ? null : result.checksumType());
    }

    private Copied multipartCopy(AwsAccessSession session, Place target, String bucket, String key,
            HeadObjectResponse source, @Nullable PartChecksums recorded, @Nullable ObjectLockRetention lock,
            TransferProgress progress) {
        // In the parts it was registered in, the copy gets the composite checksum recorded then.
        long partSize = recorded != null ? recorded.partSize() : configuration.s3().copyPartSize();
        MultipartCopy.Result result = new MultipartCopy(session.s3(), calls, session.attribution()).copy(
                new MultipartCopy.Copy(originBucket, tooling, source.eTag(), key, source.contentLength(),
                        source.contentType(), bucket, target.account(),
                        lock == null ? null : ObjectLockMode.fromValue(lock.mode().name()),
                        lock == null ? null : clock.instant().plus(lock.period())),
                partSize, configuration.s3().copyParallelism(), progress);
        return new Copied(result.created(), result.checksumSha256(), result.checksumType());
    }

    private Optional<HeadObjectResponse> head(S3Client s3, String bucket, String key, AccountId owner,
            @Nullable AwsRequestOverrideConfiguration attribution) {
        return head(s3, bucket, key, owner, attribution, false);
    }

    /** HeadObject; with {@code checksums}, S3 also reports the object's checksum and its type. */
    private Optional<HeadObjectResponse> head(S3Client s3, String bucket, String key, AccountId owner,
            @Nullable AwsRequestOverrideConfiguration attribution, boolean checksums) {
        return calls.call(owner, "HeadObject s3://" + bucket + "/" + key, () -> {
            try {
                return Optional.of(s3.headObject(r -> r.bucket(bucket).key(key).expectedBucketOwner(owner.value())
                        .checksumMode(checksums ? ChecksumMode.ENABLED : null).overrideConfiguration(attribution)));
            } catch (S3Exception e) {
                if (e.statusCode() == 404) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    private Client client(Place place, AccessSession session) {
        if (place.isOrigin()) {
            var attribution = session.unwrap(AwsAccessSession.class)
                    .map(aws -> {
                        aws.requireOpen();
                        return aws.attribution();
                    }).orElse(null);
            return new Client(toolingS3, attribution);
        }
        AwsAccessSession aws = requireSession(place, session);
        return new Client(aws.s3(), aws.attribution());
    }

    static AwsAccessSession requireSession(Place place, AccessSession session) {
        AwsAccessSession aws = session.unwrap(AwsAccessSession.class).orElseThrow(() -> new InvalidValueException(
                "session", session, "must be an AwsAccessSession opened by RoleChainAccess"));
        if (!aws.environment().name().equals(place.name()) || !aws.account().equals(place.account())) {
            throw new InvalidValueException("session", aws.environment().name() + "(" + aws.account() + ")",
                    "must be open for " + place + ", the place being accessed");
        }
        aws.requireOpen();
        return aws;
    }

    @Override
    public String toString() {
        return "S3ArtifactStore[origin=s3://" + originBucket + "/" + configuration.s3().artifactPrefix() + "]";
    }

    private record Client(S3Client s3, @Nullable AwsRequestOverrideConfiguration attribution) {
    }

    /** Whether a copy created the target object, and the SHA-256 checksum S3 reported for it, if any. */
    private record Copied(boolean created, @Nullable String checksum, @Nullable ChecksumType type) {
    }
}
