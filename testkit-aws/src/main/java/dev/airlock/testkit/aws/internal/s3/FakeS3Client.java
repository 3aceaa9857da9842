package dev.airlock.testkit.aws.internal.s3;

import dev.airlock.testkit.aws.internal.Calls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ServiceClientConfiguration;
import software.amazon.awssdk.services.s3.S3Utilities;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.CreateBucketResponse;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.DeleteBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketPolicyResponse;
import software.amazon.awssdk.services.s3.model.DeleteBucketRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.GetBucketLocationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketLocationResponse;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyResponse;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningRequest;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.GetObjectLockConfigurationRequest;
import software.amazon.awssdk.services.s3.model.GetObjectLockConfigurationResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRetentionRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRetentionResponse;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListBucketsRequest;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.PutBucketPolicyResponse;
import software.amazon.awssdk.services.s3.model.PutBucketVersioningRequest;
import software.amazon.awssdk.services.s3.model.PutBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.PutObjectLockConfigurationRequest;
import software.amazon.awssdk.services.s3.model.PutObjectLockConfigurationResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRetentionRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRetentionResponse;
import software.amazon.awssdk.services.s3.model.UploadPartCopyRequest;
import software.amazon.awssdk.services.s3.model.UploadPartCopyResponse;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * The S3 operations Airlock and typical tooling use, bound to one set of credentials and one region.
 * Each operation lists the request fields it models; a request setting any other field fails loudly.
 */
public final class FakeS3Client implements S3Client {
    private static final String OWNER = "ExpectedBucketOwner";
    private static final String COPY_CONDITIONS_AND_SOURCE = "SourceBucket,SourceKey,SourceVersionId,CopySource,"
            + "CopySourceIfMatch,CopySourceIfNoneMatch,CopySourceIfModifiedSince,CopySourceIfUnmodifiedSince,"
            + "ExpectedSourceBucketOwner,DestinationBucket,DestinationKey,ExpectedBucketOwner";
    private static final String CHECKSUM_VALUES = "ChecksumCRC32,ChecksumCRC32C,ChecksumSHA1,ChecksumSHA256";

    private static final Set<String> CREATE_BUCKET_FIELDS =
            fields("Bucket,CreateBucketConfiguration,ObjectLockEnabledForBucket");
    private static final Set<String> BUCKET_FIELDS = fields("Bucket", OWNER);
    private static final Set<String> PUT_BUCKET_VERSIONING_FIELDS = fields("Bucket,VersioningConfiguration", OWNER);
    private static final Set<String> PUT_BUCKET_POLICY_FIELDS = fields("Bucket,Policy", OWNER);
    private static final Set<String> PUT_OBJECT_LOCK_CONFIGURATION_FIELDS =
            fields("Bucket,ObjectLockConfiguration", OWNER);
    private static final Set<String> PUT_OBJECT_FIELDS = fields(
            "Bucket,Key,ContentType,ContentLength,ContentMD5,Metadata,ChecksumAlgorithm", CHECKSUM_VALUES,
            "IfMatch,IfNoneMatch,ObjectLockMode,ObjectLockRetainUntilDate", OWNER);
    private static final Set<String> GET_OBJECT_FIELDS = fields(
            "Bucket,Key,VersionId,Range,IfMatch,IfNoneMatch,IfModifiedSince,IfUnmodifiedSince,ChecksumMode", OWNER);
    private static final Set<String> HEAD_OBJECT_FIELDS = fields(
            "Bucket,Key,VersionId,IfMatch,IfNoneMatch,IfModifiedSince,IfUnmodifiedSince,ChecksumMode", OWNER);
    private static final Set<String> DELETE_OBJECT_FIELDS =
            fields("Bucket,Key,VersionId,BypassGovernanceRetention,IfMatch", OWNER);
    private static final Set<String> LIST_OBJECTS_V2_FIELDS =
            fields("Bucket,Prefix,Delimiter,MaxKeys,ContinuationToken,StartAfter", OWNER);
    private static final Set<String> LIST_OBJECT_VERSIONS_FIELDS =
            fields("Bucket,Prefix,MaxKeys,KeyMarker,VersionIdMarker", OWNER);
    private static final Set<String> COPY_OBJECT_FIELDS = fields(COPY_CONDITIONS_AND_SOURCE,
            "MetadataDirective,Metadata,ContentType,ChecksumAlgorithm,IfMatch,IfNoneMatch,ObjectLockMode,"
                    + "ObjectLockRetainUntilDate");
    private static final Set<String> PUT_OBJECT_RETENTION_FIELDS =
            fields("Bucket,Key,VersionId,Retention,BypassGovernanceRetention", OWNER);
    private static final Set<String> GET_OBJECT_RETENTION_FIELDS = fields("Bucket,Key,VersionId", OWNER);
    private static final Set<String> CREATE_MULTIPART_UPLOAD_FIELDS = fields(
            "Bucket,Key,ContentType,Metadata,ChecksumAlgorithm,ChecksumType,ObjectLockMode,ObjectLockRetainUntilDate",
            OWNER);
    private static final Set<String> UPLOAD_PART_FIELDS = fields(
            "Bucket,Key,UploadId,PartNumber,ContentLength,ContentMD5,ChecksumAlgorithm", CHECKSUM_VALUES, OWNER);
    private static final Set<String> UPLOAD_PART_COPY_FIELDS =
            fields(COPY_CONDITIONS_AND_SOURCE, "UploadId,PartNumber,CopySourceRange");
    private static final Set<String> COMPLETE_MULTIPART_UPLOAD_FIELDS = fields(
            "Bucket,Key,UploadId,MultipartUpload,ChecksumType,MpuObjectSize,IfMatch,IfNoneMatch", CHECKSUM_VALUES,
            OWNER);
    private static final Set<String> ABORT_MULTIPART_UPLOAD_FIELDS = fields("Bucket,Key,UploadId", OWNER);

    private final Calls calls;
    private final Calls.Client client;
    private final BucketOps buckets;
    private final ObjectOps objects;
    private final ListingOps listings;
    private final RetentionOps retentions;
    private final MultipartOps multipart;

    /** A client over the world's shared S3 state. */
    public FakeS3Client(Calls calls, Calls.Client client, S3Store store) {
        this.calls = calls;
        this.client = client;
        this.buckets = new BucketOps(store);
        this.objects = new ObjectOps(store);
        this.listings = new ListingOps(store);
        this.retentions = new RetentionOps(store);
        this.multipart = new MultipartOps(store);
    }

    private static Set<String> fields(String... lists) {
        Set<String> all = new HashSet<>();
        for (String list : lists) {
            all.addAll(List.of(list.split(",")));
        }
        return Set.copyOf(all);
    }

    @Override
    public CreateBucketResponse createBucket(CreateBucketRequest request) {
        BucketOps.validateName(request.bucket());
        return calls.run(client, "CreateBucket", request,
                CREATE_BUCKET_FIELDS,
                caller -> buckets.create(caller, client.region(), request));
    }

    @Override
    public DeleteBucketResponse deleteBucket(DeleteBucketRequest request) {
        return calls.run(client, "DeleteBucket", request, BUCKET_FIELDS,
                caller -> buckets.delete(caller, client.region(), request));
    }

    @Override
    public HeadBucketResponse headBucket(HeadBucketRequest request) {
        return calls.run(client, "HeadBucket", request, BUCKET_FIELDS,
                caller -> buckets.head(caller, client.region(), request));
    }

    @Override
    public ListBucketsResponse listBuckets(ListBucketsRequest request) {
        return calls.run(client, "ListBuckets", request, Set.of(), buckets::list);
    }

    @Override
    public GetBucketLocationResponse getBucketLocation(GetBucketLocationRequest request) {
        return calls.run(client, "GetBucketLocation", request, BUCKET_FIELDS,
                caller -> buckets.location(caller, client.region(), request));
    }

    @Override
    public PutBucketVersioningResponse putBucketVersioning(PutBucketVersioningRequest request) {
        return calls.run(client, "PutBucketVersioning", request, PUT_BUCKET_VERSIONING_FIELDS,
                caller -> buckets.putVersioning(caller, client.region(), request));
    }

    @Override
    public GetBucketVersioningResponse getBucketVersioning(GetBucketVersioningRequest request) {
        return calls.run(client, "GetBucketVersioning", request, BUCKET_FIELDS,
                caller -> buckets.getVersioning(caller, client.region(), request));
    }

    @Override
    public PutBucketPolicyResponse putBucketPolicy(PutBucketPolicyRequest request) {
        return calls.run(client, "PutBucketPolicy", request, PUT_BUCKET_POLICY_FIELDS,
                caller -> buckets.putPolicy(caller, client.region(), request));
    }

    @Override
    public GetBucketPolicyResponse getBucketPolicy(GetBucketPolicyRequest request) {
        return calls.run(client, "GetBucketPolicy", request, BUCKET_FIELDS,
                caller -> buckets.getPolicy(caller, client.region(), request));
    }

    @Override
    public DeleteBucketPolicyResponse deleteBucketPolicy(DeleteBucketPolicyRequest request) {
        return calls.run(client, "DeleteBucketPolicy", request, BUCKET_FIELDS,
                caller -> buckets.deletePolicy(caller, client.region(), request));
    }

    @Override
    public PutObjectLockConfigurationResponse putObjectLockConfiguration(PutObjectLockConfigurationRequest request) {
        return calls.run(client, "PutObjectLockConfiguration", request, PUT_OBJECT_LOCK_CONFIGURATION_FIELDS,
                caller -> buckets.putObjectLock(caller, client.region(), request));
    }

    @Override
    public GetObjectLockConfigurationResponse getObjectLockConfiguration(GetObjectLockConfigurationRequest request) {
        return calls.run(client, "GetObjectLockConfiguration", request, BUCKET_FIELDS,
                caller -> buckets.getObjectLock(caller, client.region(), request));
    }

    @Override
    public PutObjectResponse putObject(PutObjectRequest request, RequestBody body) {
        byte[] data = read(body);
        return calls.run(client, "PutObject", request,
                PUT_OBJECT_FIELDS,
                caller -> objects.put(caller, client.region(), request, data));
    }

    @Override
    public <ReturnT> ReturnT getObject(GetObjectRequest request,
            ResponseTransformer<GetObjectResponse, ReturnT> transformer) {
        ObjectOps.Read read = calls.run(client, "GetObject", request,
                GET_OBJECT_FIELDS,
                caller -> objects.get(caller, client.region(), request));
        try {
            return transformer.transform(read.response(),
                    AbortableInputStream.create(new ByteArrayInputStream(read.body())));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw SdkClientException.create("The response transformer failed", e);
        }
    }

    @Override
    public HeadObjectResponse headObject(HeadObjectRequest request) {
        return calls.run(client, "HeadObject", request,
                HEAD_OBJECT_FIELDS,
                caller -> objects.head(caller, client.region(), request));
    }

    @Override
    public DeleteObjectResponse deleteObject(DeleteObjectRequest request) {
        return calls.run(client, "DeleteObject", request,
                DELETE_OBJECT_FIELDS,
                caller -> objects.delete(caller, client.region(), request));
    }

    @Override
    public ListObjectsV2Response listObjectsV2(ListObjectsV2Request request) {
        return calls.run(client, "ListObjectsV2", request,
                LIST_OBJECTS_V2_FIELDS,
                caller -> listings.list(caller, client.region(), request));
    }

    @Override
    public ListObjectVersionsResponse listObjectVersions(ListObjectVersionsRequest request) {
        return calls.run(client, "ListObjectVersions", request,
                LIST_OBJECT_VERSIONS_FIELDS,
                caller -> listings.listVersions(caller, client.region(), request));
    }

    @Override
    public CopyObjectResponse copyObject(CopyObjectRequest request) {
        return calls.run(client, "CopyObject", request,
                COPY_OBJECT_FIELDS,
                caller -> objects.copy(caller, client.region(), request));
    }

    @Override
    public PutObjectRetentionResponse putObjectRetention(PutObjectRetentionRequest request) {
        return calls.run(client, "PutObjectRetention", request,
                PUT_OBJECT_RETENTION_FIELDS,
                caller -> retentions.putRetention(caller, client.region(), request));
    }

    @Override
    public GetObjectRetentionResponse getObjectRetention(GetObjectRetentionRequest request) {
        return calls.run(client, "GetObjectRetention", request, GET_OBJECT_RETENTION_FIELDS,
                caller -> retentions.getRetention(caller, client.region(), request));
    }

    @Override
    public CreateMultipartUploadResponse createMultipartUpload(CreateMultipartUploadRequest request) {
        return calls.run(client, "CreateMultipartUpload", request,
                CREATE_MULTIPART_UPLOAD_FIELDS,
                caller -> multipart.create(caller, client.region(), request));
    }

    @Override
    public UploadPartResponse uploadPart(UploadPartRequest request, RequestBody body) {
        byte[] data = read(body);
        return calls.run(client, "UploadPart", request,
                UPLOAD_PART_FIELDS,
                caller -> multipart.uploadPart(caller, client.region(), request, data));
    }

    @Override
    public UploadPartCopyResponse uploadPartCopy(UploadPartCopyRequest request) {
        return calls.run(client, "UploadPartCopy", request,
                UPLOAD_PART_COPY_FIELDS,
                caller -> multipart.uploadPartCopy(caller, client.region(), request));
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(CompleteMultipartUploadRequest request) {
        return calls.run(client, "CompleteMultipartUpload", request,
                COMPLETE_MULTIPART_UPLOAD_FIELDS,
                caller -> multipart.complete(caller, client.region(), request));
    }

    @Override
    public AbortMultipartUploadResponse abortMultipartUpload(AbortMultipartUploadRequest request) {
        return calls.run(client, "AbortMultipartUpload", request, ABORT_MULTIPART_UPLOAD_FIELDS,
                caller -> multipart.abort(caller, client.region(), request));
    }

    private static byte[] read(RequestBody body) {
        try (InputStream in = body.contentStreamProvider().newStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw SdkClientException.create("Could not read the request body", e);
        }
    }

    @Override
    public S3Utilities utilities() {
        return S3Utilities.builder().region(client.region()).build();
    }

    @Override
    public S3ServiceClientConfiguration serviceClientConfiguration() {
        return S3ServiceClientConfiguration.builder()
                .region(client.region())
                .credentialsProvider(client.credentials())
                .build();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "FakeS3Client[" + client.region() + "]";
    }
}
