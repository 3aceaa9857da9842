package dev.airlock.testkit.aws.internal.s3;

import dev.airlock.testkit.aws.internal.Caller;
import dev.airlock.testkit.aws.internal.RequestScope;
import dev.airlock.testkit.aws.internal.Ids;
import dev.airlock.testkit.aws.internal.RequestFields;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyPartResult;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.UploadPartCopyRequest;
import software.amazon.awssdk.services.s3.model.UploadPartCopyResponse;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Multipart uploads with S3's rules: part numbers 1 to 10,000; every part but the last at least 5 MiB
 * (checked on completion, as S3 does); parts completed in ascending order with matching ETags and, when
 * the upload has a checksum algorithm, matching part checksums; a composite checksum for the result.
 */
final class MultipartOps {
    static final long MIN_PART = 5L * 1024 * 1024;
    private static final Pattern COPY_RANGE = Pattern.compile("bytes=(\\d+)-(\\d+)");
    private static final Set<String> PART_FIELDS =
            Set.of("ETag", "PartNumber", "ChecksumCRC32", "ChecksumCRC32C", "ChecksumSHA1", "ChecksumSHA256");
    private static final String FAKE = "FakeS3Client";

    private final S3Store store;

    MultipartOps(S3Store store) {
        this.store = store;
    }

    CreateMultipartUploadResponse create(Caller caller, Region region, CreateMultipartUploadRequest request) {
        RequestScope.put("s3:ObjectCreationOperation", "CreateMultipartUpload");
        String key = ObjectOps.key(request.key());
        ChecksumAlgorithm algorithm = request.checksumAlgorithm() == null
                ? null : Checksums.requireSupported(request.checksumAlgorithm());
        if (request.checksumType() == ChecksumType.FULL_OBJECT) {
            throw new UnsupportedOperationException(
                    "FakeS3Client models COMPOSITE multipart checksums only, not FULL_OBJECT");
        }
        synchronized (store) {
            Bucket bucket = store.open(caller, region, request.bucket(), request.expectedBucketOwner(), "s3:PutObject",
                    key);
            Instant now = store.now();
            Upload upload = new Upload(Ids.hex(48), key, now, request.contentType(), ObjectOps.lower(request.metadata()),
                    algorithm, Retentions.forWrite(bucket, request.objectLockModeAsString(),
                            request.objectLockRetainUntilDate(), now));
            bucket.uploads.put(upload.id, upload);
            return CreateMultipartUploadResponse.builder()
                    .bucket(bucket.name)
                    .key(key)
                    .uploadId(upload.id)
                    .checksumAlgorithm(algorithm)
                    .checksumType(algorithm == null ? null : ChecksumType.COMPOSITE)
                    .build();
        }
    }

    UploadPartResponse uploadPart(Caller caller, Region region, UploadPartRequest request, byte[] data) {
        RequestScope.put("s3:ObjectCreationOperation", "UploadPart");
        String key = ObjectOps.key(request.key());
        if (request.contentLength() != null && request.contentLength() != data.length) {
            throw S3Errors.of(400, "IncompleteBody",
                    "You did not provide the number of bytes specified by the Content-Length HTTP header");
        }
        synchronized (store) {
            Bucket bucket = store.open(caller, region, request.bucket(), request.expectedBucketOwner(), "s3:PutObject",
                    key);
            Upload upload = upload(bucket, request.uploadId(), key);
            int number = partNumber(request.partNumber());
            if (data.length > ObjectOps.MAX_SINGLE_PUT) {
                throw S3Errors.of(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size");
            }
            Checksums.verifyContentMd5(data, request.contentMD5());
            Checksums.Provided provided = Checksums.provided(request.checksumCRC32(), request.checksumCRC32C(),
                    request.checksumSHA1(), request.checksumSHA256());
            ChecksumAlgorithm requested = request.checksumAlgorithm() != null
                    ? request.checksumAlgorithm() : upload.checksumAlgorithm;
            if (upload.checksumAlgorithm != null && requested != upload.checksumAlgorithm) {
                throw S3Errors.invalidRequest("Checksum Type mismatch occurred, expected checksum Type: "
                        + upload.checksumAlgorithm + ", actual checksum Type: " + requested);
            }
            Checksums.Stored checksum = Checksums.verify(data, requested, provided);
            if (upload.retention != null && request.contentMD5() == null && checksum == null) {
                throw S3Errors.invalidRequest("Content-MD5 OR x-amz-checksum- HTTP header is required for Put Part "
                        + "requests with Object Lock parameters");
            }
            Upload.Part part = new Upload.Part(number, data, Checksums.etag(data),
                    checksum == null ? null : checksum.value(), store.now());
            upload.parts.put(number, part);
            return Checksums.put(UploadPartResponse.builder(), checksum, false).eTag(part.etag()).build();
        }
    }

    @SuppressWarnings("deprecation") // CopySource is the SDK's legacy way to name the source, still accepted.
    UploadPartCopyResponse uploadPartCopy(Caller caller, Region region, UploadPartCopyRequest request) {
        RequestScope.put("s3:ObjectCreationOperation", "UploadPartCopy");
        CopySource source = CopySource.of(request.sourceBucket(), request.sourceKey(), request.sourceVersionId(),
                request.copySource());
        String key = ObjectOps.key(request.destinationKey());
        synchronized (store) {
            Bucket from = store.open(caller, null, source.bucket(), request.expectedSourceBucketOwner(),
                    source.action(), source.key());
            StoredObject original = source.resolve(from);
            Preconditions.checkCopySource(original, request.copySourceIfMatch(), request.copySourceIfNoneMatch(),
                    request.copySourceIfModifiedSince(), request.copySourceIfUnmodifiedSince());
            Bucket to = store.open(caller, region, request.destinationBucket(), request.expectedBucketOwner(),
                    "s3:PutObject", key);
            Upload upload = upload(to, request.uploadId(), key);
            int number = partNumber(request.partNumber());
            byte[] data = slice(original.data(), request.copySourceRange());
            Checksums.Stored checksum = Checksums.verify(data, upload.checksumAlgorithm, null);
            Instant now = store.now();
            Upload.Part part = new Upload.Part(number, data, Checksums.etag(data),
                    checksum == null ? null : checksum.value(), now);
            upload.parts.put(number, part);
            return UploadPartCopyResponse.builder()
                    .copyPartResult(Checksums.put(CopyPartResult.builder(), checksum, false)
                            .eTag(part.etag())
                            .lastModified(now)
                            .build())
                    .copySourceVersionId(from.reportedVersionId(original))
                    .build();
        }
    }

    private static byte[] slice(byte[] data, @Nullable String range) {
        if (range == null) {
            if (data.length > ObjectOps.MAX_SINGLE_PUT) {
                throw S3Errors.invalidRequest("The specified copy source is larger than the maximum allowable size "
                        + "for a copy source: " + ObjectOps.MAX_SINGLE_PUT);
            }
            return data;
        }
        Matcher matcher = COPY_RANGE.matcher(range);
        if (!matcher.matches()) {
            throw S3Errors.invalidArgument("The x-amz-copy-source-range value must be of the form bytes=first-last "
                    + "where first and last are the zero-based offsets of the first and last bytes to copy");
        }
        long first = Long.parseLong(matcher.group(1));
        long last = Long.parseLong(matcher.group(2));
        if (first > last || last >= data.length) {
            throw S3Errors.invalidArgument("Range specified is not valid for source object of size: " + data.length);
        }
        if (last - first + 1 > ObjectOps.MAX_SINGLE_PUT) {
            throw S3Errors.invalidRequest("The specified copy range is larger than the maximum allowable size");
        }
        return Arrays.copyOfRange(data, (int) first, (int) last + 1);
    }

    CompleteMultipartUploadResponse complete(Caller caller, Region region, CompleteMultipartUploadRequest request) {
        RequestScope.put("s3:ObjectCreationOperation", "CompleteMultipartUpload");
        RequestScope.put("s3:if-none-match", request.ifNoneMatch());
        String key = ObjectOps.key(request.key());
        List<CompletedPart> listed = request.multipartUpload() == null ? List.of() : request.multipartUpload().parts();
        for (CompletedPart part : listed) {
            RequestFields.check(FAKE, "CompleteMultipartUpload", part, PART_FIELDS);
        }
        synchronized (store) {
            Bucket bucket = store.open(caller, region, request.bucket(), request.expectedBucketOwner(), "s3:PutObject",
                    key);
            Upload upload = upload(bucket, request.uploadId(), key);
            if (listed.isEmpty()) {
                throw S3Errors.of(400, "MalformedXML", "The XML you provided was not well-formed or did not validate "
                        + "against our published schema");
            }
            List<Upload.Part> parts = new ArrayList<>();
            int previous = 0;
            for (CompletedPart entry : listed) {
                int number = entry.partNumber() == null ? 0 : entry.partNumber();
                if (number <= previous) {
                    throw S3Errors.of(400, "InvalidPartOrder", "The list of parts was not in ascending order. The "
                            + "parts list must be specified in order by part number.");
                }
                previous = number;
                Upload.Part part = upload.parts.get(number);
                if (part == null || entry.eTag() == null || !Checksums.sameEtag(entry.eTag(), part.etag())) {
                    throw invalidPart();
                }
                if (upload.checksumAlgorithm != null) {
                    String given = partChecksum(entry, upload.checksumAlgorithm);
                    if (given == null) {
                        throw S3Errors.invalidRequest("The upload was created using a "
                                + upload.checksumAlgorithm.toString().toLowerCase(Locale.ROOT)
                                + " checksum. The complete request must include the checksum for each part. It was "
                                + "missing for part " + number + " in the request.");
                    }
                    if (!given.equals(part.checksum())) {
                        throw invalidPart();
                    }
                }
                parts.add(part);
            }
            for (int i = 0; i < parts.size() - 1; i++) {
                if (parts.get(i).data().length < MIN_PART) {
                    throw S3Errors.of(400, "EntityTooSmall", "Your proposed upload is smaller than the minimum "
                            + "allowed size");
                }
            }
            ByteArrayOutputStream joined = new ByteArrayOutputStream();
            parts.forEach(p -> joined.writeBytes(p.data()));
            byte[] data = joined.toByteArray();
            if (request.mpuObjectSize() != null && request.mpuObjectSize() != data.length) {
                throw S3Errors.invalidRequest("The provided 'x-amz-mp-object-size' header value "
                        + request.mpuObjectSize() + " does not match what was computed: " + data.length);
            }
            Checksums.Stored checksum = null;
            if (upload.checksumAlgorithm != null) {
                checksum = new Checksums.Stored(upload.checksumAlgorithm, Checksums.composite(upload.checksumAlgorithm,
                        parts.stream().map(Upload.Part::checksum).toList()), ChecksumType.COMPOSITE);
            }
            Checksums.Provided whole = Checksums.provided(request.checksumCRC32(), request.checksumCRC32C(),
                    request.checksumSHA1(), request.checksumSHA256());
            if (whole != null && (checksum == null || whole.algorithm() != checksum.algorithm()
                    || !whole.value().equals(checksum.value()))) {
                throw S3Errors.badDigest(whole.algorithm().toString());
            }
            Preconditions.checkWrite(bucket.current(key), request.ifMatch(), request.ifNoneMatch());
            StoredObject object = new StoredObject(key, bucket.nextVersionId(), false, data,
                    Checksums.multipartEtag(parts.stream().map(Upload.Part::etag).toList()), store.now(),
                    upload.contentType, upload.metadata, checksum, upload.retention);
            bucket.add(object);
            bucket.uploads.remove(upload.id);
            return Checksums.put(CompleteMultipartUploadResponse.builder(), checksum, true)
                    .bucket(bucket.name)
                    .key(key)
                    .eTag(object.etag())
                    .versionId(bucket.reportedVersionId(object))
                    .location("https://" + bucket.name + ".s3." + bucket.region.id() + ".amazonaws.com/" + key)
                    .build();
        }
    }

    AbortMultipartUploadResponse abort(Caller caller, Region region, AbortMultipartUploadRequest request) {
        String key = ObjectOps.key(request.key());
        synchronized (store) {
            Bucket bucket = store.open(caller, region, request.bucket(), request.expectedBucketOwner(),
                    "s3:AbortMultipartUpload", key);
            Upload upload = upload(bucket, request.uploadId(), key);
            bucket.uploads.remove(upload.id);
        }
        return AbortMultipartUploadResponse.builder().build();
    }

    private static Upload upload(Bucket bucket, @Nullable String uploadId, String key) {
        Upload upload = bucket.uploads.get(S3Store.required(uploadId, "UploadId"));
        if (upload == null || !upload.key.equals(key)) {
            throw S3Errors.noSuchUpload();
        }
        return upload;
    }

    private static int partNumber(@Nullable Integer number) {
        if (number == null || number < 1 || number > 10_000) {
            throw S3Errors.invalidArgument("Part number must be an integer between 1 and 10000, inclusive");
        }
        return number;
    }

    private static @Nullable String partChecksum(CompletedPart part, ChecksumAlgorithm algorithm) {
        for (SdkField<?> field : part.sdkFields()) {
            if (field.memberName().equals(Checksums.member(algorithm))) {
                Object value = field.getValueOrDefault(part);
                return value == null ? null : value.toString();
            }
        }
        return null;
    }

    private static AwsServiceException invalidPart() {
        return S3Errors.of(400, "InvalidPart", "One or more of the specified parts could not be found. The part may "
                + "not have been uploaded, or the specified entity tag may not match the part's entity tag.");
    }
}
