package dev.airlock.testkit.aws.internal.s3;

import dev.airlock.testkit.aws.internal.Unimplemented;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ServiceClientConfiguration;
import software.amazon.awssdk.services.s3.S3Utilities;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.CreateBucketMetadataConfigurationRequest;
import software.amazon.awssdk.services.s3.model.CreateBucketMetadataConfigurationResponse;
import software.amazon.awssdk.services.s3.model.CreateBucketMetadataTableConfigurationRequest;
import software.amazon.awssdk.services.s3.model.CreateBucketMetadataTableConfigurationResponse;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.CreateBucketResponse;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CreateSessionRequest;
import software.amazon.awssdk.services.s3.model.CreateSessionResponse;
import software.amazon.awssdk.services.s3.model.DeleteBucketAnalyticsConfigurationRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketAnalyticsConfigurationResponse;
import software.amazon.awssdk.services.s3.model.DeleteBucketCorsRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketCorsResponse;
import software.amazon.awssdk.services.s3.model.DeleteBucketEncryptionRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketEncryptionResponse;
import software.amazon.awssdk.services.s3.model.DeleteBucketIntelligentTieringConfigurationRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketIntelligentTieringConfigurationResponse;
import software.amazon.awssdk.services.s3.model.DeleteBucketInventoryConfigurationRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketInventoryConfigurationResponse;
import software.amazon.awssdk.services.s3.model.DeleteBucketLifecycleRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketLifecycleResponse;
import software.amazon.awssdk.services.s3.model.DeleteBucketMetadataConfigurationRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketMetadataConfigurationResponse;
import software.amazon.awssdk.services.s3.model.DeleteBucketMetadataTableConfigurationRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketMetadataTableConfigurationResponse;
import software.amazon.awssdk.services.s3.model.DeleteBucketMetricsConfigurationRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketMetricsConfigurationResponse;
import software.amazon.awssdk.services.s3.model.DeleteBucketOwnershipControlsRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketOwnershipControlsResponse;
import software.amazon.awssdk.services.s3.model.DeleteBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketPolicyResponse;
import software.amazon.awssdk.services.s3.model.DeleteBucketReplicationRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketReplicationResponse;
import software.amazon.awssdk.services.s3.model.DeleteBucketRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketResponse;
import software.amazon.awssdk.services.s3.model.DeleteBucketTaggingRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketTaggingResponse;
import software.amazon.awssdk.services.s3.model.DeleteBucketWebsiteRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketWebsiteResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectAnnotationRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectAnnotationResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectTaggingRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectTaggingResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.DeletePublicAccessBlockRequest;
import software.amazon.awssdk.services.s3.model.DeletePublicAccessBlockResponse;
import software.amazon.awssdk.services.s3.model.GetBucketAbacRequest;
import software.amazon.awssdk.services.s3.model.GetBucketAbacResponse;
import software.amazon.awssdk.services.s3.model.GetBucketAccelerateConfigurationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketAccelerateConfigurationResponse;
import software.amazon.awssdk.services.s3.model.GetBucketAclRequest;
import software.amazon.awssdk.services.s3.model.GetBucketAclResponse;
import software.amazon.awssdk.services.s3.model.GetBucketAnalyticsConfigurationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketAnalyticsConfigurationResponse;
import software.amazon.awssdk.services.s3.model.GetBucketCorsRequest;
import software.amazon.awssdk.services.s3.model.GetBucketCorsResponse;
import software.amazon.awssdk.services.s3.model.GetBucketEncryptionRequest;
import software.amazon.awssdk.services.s3.model.GetBucketEncryptionResponse;
import software.amazon.awssdk.services.s3.model.GetBucketIntelligentTieringConfigurationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketIntelligentTieringConfigurationResponse;
import software.amazon.awssdk.services.s3.model.GetBucketInventoryConfigurationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketInventoryConfigurationResponse;
import software.amazon.awssdk.services.s3.model.GetBucketLifecycleConfigurationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketLifecycleConfigurationResponse;
import software.amazon.awssdk.services.s3.model.GetBucketLocationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketLocationResponse;
import software.amazon.awssdk.services.s3.model.GetBucketLoggingRequest;
import software.amazon.awssdk.services.s3.model.GetBucketLoggingResponse;
import software.amazon.awssdk.services.s3.model.GetBucketMetadataConfigurationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketMetadataConfigurationResponse;
import software.amazon.awssdk.services.s3.model.GetBucketMetadataTableConfigurationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketMetadataTableConfigurationResponse;
import software.amazon.awssdk.services.s3.model.GetBucketMetricsConfigurationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketMetricsConfigurationResponse;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.GetBucketOwnershipControlsRequest;
import software.amazon.awssdk.services.s3.model.GetBucketOwnershipControlsResponse;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyResponse;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyStatusRequest;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyStatusResponse;
import software.amazon.awssdk.services.s3.model.GetBucketReplicationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketReplicationResponse;
import software.amazon.awssdk.services.s3.model.GetBucketRequestPaymentRequest;
import software.amazon.awssdk.services.s3.model.GetBucketRequestPaymentResponse;
import software.amazon.awssdk.services.s3.model.GetBucketTaggingRequest;
import software.amazon.awssdk.services.s3.model.GetBucketTaggingResponse;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningRequest;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.GetBucketWebsiteRequest;
import software.amazon.awssdk.services.s3.model.GetBucketWebsiteResponse;
import software.amazon.awssdk.services.s3.model.GetObjectAclRequest;
import software.amazon.awssdk.services.s3.model.GetObjectAclResponse;
import software.amazon.awssdk.services.s3.model.GetObjectAnnotationRequest;
import software.amazon.awssdk.services.s3.model.GetObjectAnnotationResponse;
import software.amazon.awssdk.services.s3.model.GetObjectAttributesRequest;
import software.amazon.awssdk.services.s3.model.GetObjectAttributesResponse;
import software.amazon.awssdk.services.s3.model.GetObjectLegalHoldRequest;
import software.amazon.awssdk.services.s3.model.GetObjectLegalHoldResponse;
import software.amazon.awssdk.services.s3.model.GetObjectLockConfigurationRequest;
import software.amazon.awssdk.services.s3.model.GetObjectLockConfigurationResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRetentionRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRetentionResponse;
import software.amazon.awssdk.services.s3.model.GetObjectTaggingRequest;
import software.amazon.awssdk.services.s3.model.GetObjectTaggingResponse;
import software.amazon.awssdk.services.s3.model.GetObjectTorrentRequest;
import software.amazon.awssdk.services.s3.model.GetObjectTorrentResponse;
import software.amazon.awssdk.services.s3.model.GetPublicAccessBlockRequest;
import software.amazon.awssdk.services.s3.model.GetPublicAccessBlockResponse;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListBucketAnalyticsConfigurationsRequest;
import software.amazon.awssdk.services.s3.model.ListBucketAnalyticsConfigurationsResponse;
import software.amazon.awssdk.services.s3.model.ListBucketIntelligentTieringConfigurationsRequest;
import software.amazon.awssdk.services.s3.model.ListBucketIntelligentTieringConfigurationsResponse;
import software.amazon.awssdk.services.s3.model.ListBucketInventoryConfigurationsRequest;
import software.amazon.awssdk.services.s3.model.ListBucketInventoryConfigurationsResponse;
import software.amazon.awssdk.services.s3.model.ListBucketMetricsConfigurationsRequest;
import software.amazon.awssdk.services.s3.model.ListBucketMetricsConfigurationsResponse;
import software.amazon.awssdk.services.s3.model.ListBucketsRequest;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3.model.ListDirectoryBucketsRequest;
import software.amazon.awssdk.services.s3.model.ListDirectoryBucketsResponse;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsRequest;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectAnnotationsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectAnnotationsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ListPartsRequest;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.PutBucketAbacRequest;
import software.amazon.awssdk.services.s3.model.PutBucketAbacResponse;
import software.amazon.awssdk.services.s3.model.PutBucketAccelerateConfigurationRequest;
import software.amazon.awssdk.services.s3.model.PutBucketAccelerateConfigurationResponse;
import software.amazon.awssdk.services.s3.model.PutBucketAclRequest;
import software.amazon.awssdk.services.s3.model.PutBucketAclResponse;
import software.amazon.awssdk.services.s3.model.PutBucketAnalyticsConfigurationRequest;
import software.amazon.awssdk.services.s3.model.PutBucketAnalyticsConfigurationResponse;
import software.amazon.awssdk.services.s3.model.PutBucketCorsRequest;
import software.amazon.awssdk.services.s3.model.PutBucketCorsResponse;
import software.amazon.awssdk.services.s3.model.PutBucketEncryptionRequest;
import software.amazon.awssdk.services.s3.model.PutBucketEncryptionResponse;
import software.amazon.awssdk.services.s3.model.PutBucketIntelligentTieringConfigurationRequest;
import software.amazon.awssdk.services.s3.model.PutBucketIntelligentTieringConfigurationResponse;
import software.amazon.awssdk.services.s3.model.PutBucketInventoryConfigurationRequest;
import software.amazon.awssdk.services.s3.model.PutBucketInventoryConfigurationResponse;
import software.amazon.awssdk.services.s3.model.PutBucketLifecycleConfigurationRequest;
import software.amazon.awssdk.services.s3.model.PutBucketLifecycleConfigurationResponse;
import software.amazon.awssdk.services.s3.model.PutBucketLoggingRequest;
import software.amazon.awssdk.services.s3.model.PutBucketLoggingResponse;
import software.amazon.awssdk.services.s3.model.PutBucketMetricsConfigurationRequest;
import software.amazon.awssdk.services.s3.model.PutBucketMetricsConfigurationResponse;
import software.amazon.awssdk.services.s3.model.PutBucketNotificationConfigurationRequest;
import software.amazon.awssdk.services.s3.model.PutBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.PutBucketOwnershipControlsRequest;
import software.amazon.awssdk.services.s3.model.PutBucketOwnershipControlsResponse;
import software.amazon.awssdk.services.s3.model.PutBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.PutBucketPolicyResponse;
import software.amazon.awssdk.services.s3.model.PutBucketReplicationRequest;
import software.amazon.awssdk.services.s3.model.PutBucketReplicationResponse;
import software.amazon.awssdk.services.s3.model.PutBucketRequestPaymentRequest;
import software.amazon.awssdk.services.s3.model.PutBucketRequestPaymentResponse;
import software.amazon.awssdk.services.s3.model.PutBucketTaggingRequest;
import software.amazon.awssdk.services.s3.model.PutBucketTaggingResponse;
import software.amazon.awssdk.services.s3.model.PutBucketVersioningRequest;
import software.amazon.awssdk.services.s3.model.PutBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.PutBucketWebsiteRequest;
import software.amazon.awssdk.services.s3.model.PutBucketWebsiteResponse;
import software.amazon.awssdk.services.s3.model.PutObjectAclRequest;
import software.amazon.awssdk.services.s3.model.PutObjectAclResponse;
import software.amazon.awssdk.services.s3.model.PutObjectAnnotationRequest;
import software.amazon.awssdk.services.s3.model.PutObjectAnnotationResponse;
import software.amazon.awssdk.services.s3.model.PutObjectLegalHoldRequest;
import software.amazon.awssdk.services.s3.model.PutObjectLegalHoldResponse;
import software.amazon.awssdk.services.s3.model.PutObjectLockConfigurationRequest;
import software.amazon.awssdk.services.s3.model.PutObjectLockConfigurationResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRetentionRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRetentionResponse;
import software.amazon.awssdk.services.s3.model.PutObjectTaggingRequest;
import software.amazon.awssdk.services.s3.model.PutObjectTaggingResponse;
import software.amazon.awssdk.services.s3.model.PutPublicAccessBlockRequest;
import software.amazon.awssdk.services.s3.model.PutPublicAccessBlockResponse;
import software.amazon.awssdk.services.s3.model.RenameObjectRequest;
import software.amazon.awssdk.services.s3.model.RenameObjectResponse;
import software.amazon.awssdk.services.s3.model.RestoreObjectRequest;
import software.amazon.awssdk.services.s3.model.RestoreObjectResponse;
import software.amazon.awssdk.services.s3.model.UpdateBucketMetadataAnnotationTableConfigurationRequest;
import software.amazon.awssdk.services.s3.model.UpdateBucketMetadataAnnotationTableConfigurationResponse;
import software.amazon.awssdk.services.s3.model.UpdateBucketMetadataInventoryTableConfigurationRequest;
import software.amazon.awssdk.services.s3.model.UpdateBucketMetadataInventoryTableConfigurationResponse;
import software.amazon.awssdk.services.s3.model.UpdateBucketMetadataJournalTableConfigurationRequest;
import software.amazon.awssdk.services.s3.model.UpdateBucketMetadataJournalTableConfigurationResponse;
import software.amazon.awssdk.services.s3.model.UpdateObjectEncryptionRequest;
import software.amazon.awssdk.services.s3.model.UpdateObjectEncryptionResponse;
import software.amazon.awssdk.services.s3.model.UploadPartCopyRequest;
import software.amazon.awssdk.services.s3.model.UploadPartCopyResponse;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;
import software.amazon.awssdk.services.s3.model.WriteGetObjectResponseRequest;
import software.amazon.awssdk.services.s3.model.WriteGetObjectResponseResponse;
import software.amazon.awssdk.services.s3.waiters.S3Waiter;

/**
 * Every method of the SDK's {@link S3Client} (AWS SDK for Java 2.57.8) whose default body throws a bare
 * {@link UnsupportedOperationException}, overridden to throw one that names the operation;
 * {@link FakeS3Client} overrides the operations it implements. Convenience overloads (builder consumers,
 * paths, paginators) keep their defaults, which delegate to these. Written by the testkit's
 * {@code UnimplementedOperationsSource}; {@code UnimplementedOperationsTest} fails when an SDK upgrade
 * adds a method missing here.
 */
public abstract class UnimplementedS3Operations implements S3Client {
    @Override
    public AbortMultipartUploadResponse abortMultipartUpload(AbortMultipartUploadRequest request) {
        throw Unimplemented.operation(this, "AbortMultipartUpload");
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(CompleteMultipartUploadRequest request) {
        throw Unimplemented.operation(this, "CompleteMultipartUpload");
    }

    @Override
    public CopyObjectResponse copyObject(CopyObjectRequest request) {
        throw Unimplemented.operation(this, "CopyObject");
    }

    @Override
    public CreateBucketResponse createBucket(CreateBucketRequest request) {
        throw Unimplemented.operation(this, "CreateBucket");
    }

    @Override
    public CreateBucketMetadataConfigurationResponse createBucketMetadataConfiguration(
            CreateBucketMetadataConfigurationRequest request) {
        throw Unimplemented.operation(this, "CreateBucketMetadataConfiguration");
    }

    @Override
    public CreateBucketMetadataTableConfigurationResponse createBucketMetadataTableConfiguration(
            CreateBucketMetadataTableConfigurationRequest request) {
        throw Unimplemented.operation(this, "CreateBucketMetadataTableConfiguration");
    }

    @Override
    public CreateMultipartUploadResponse createMultipartUpload(CreateMultipartUploadRequest request) {
        throw Unimplemented.operation(this, "CreateMultipartUpload");
    }

    @Override
    public CreateSessionResponse createSession(CreateSessionRequest request) {
        throw Unimplemented.operation(this, "CreateSession");
    }

    @Override
    public DeleteBucketResponse deleteBucket(DeleteBucketRequest request) {
        throw Unimplemented.operation(this, "DeleteBucket");
    }

    @Override
    public DeleteBucketAnalyticsConfigurationResponse deleteBucketAnalyticsConfiguration(
            DeleteBucketAnalyticsConfigurationRequest request) {
        throw Unimplemented.operation(this, "DeleteBucketAnalyticsConfiguration");
    }

    @Override
    public DeleteBucketCorsResponse deleteBucketCors(DeleteBucketCorsRequest request) {
        throw Unimplemented.operation(this, "DeleteBucketCors");
    }

    @Override
    public DeleteBucketEncryptionResponse deleteBucketEncryption(DeleteBucketEncryptionRequest request) {
        throw Unimplemented.operation(this, "DeleteBucketEncryption");
    }

    @Override
    public DeleteBucketIntelligentTieringConfigurationResponse deleteBucketIntelligentTieringConfiguration(
            DeleteBucketIntelligentTieringConfigurationRequest request) {
        throw Unimplemented.operation(this, "DeleteBucketIntelligentTieringConfiguration");
    }

    @Override
    public DeleteBucketInventoryConfigurationResponse deleteBucketInventoryConfiguration(
            DeleteBucketInventoryConfigurationRequest request) {
        throw Unimplemented.operation(this, "DeleteBucketInventoryConfiguration");
    }

    @Override
    public DeleteBucketLifecycleResponse deleteBucketLifecycle(DeleteBucketLifecycleRequest request) {
        throw Unimplemented.operation(this, "DeleteBucketLifecycle");
    }

    @Override
    public DeleteBucketMetadataConfigurationResponse deleteBucketMetadataConfiguration(
            DeleteBucketMetadataConfigurationRequest request) {
        throw Unimplemented.operation(this, "DeleteBucketMetadataConfiguration");
    }

    @Override
    public DeleteBucketMetadataTableConfigurationResponse deleteBucketMetadataTableConfiguration(
            DeleteBucketMetadataTableConfigurationRequest request) {
        throw Unimplemented.operation(this, "DeleteBucketMetadataTableConfiguration");
    }

    @Override
    public DeleteBucketMetricsConfigurationResponse deleteBucketMetricsConfiguration(
            DeleteBucketMetricsConfigurationRequest request) {
        throw Unimplemented.operation(this, "DeleteBucketMetricsConfiguration");
    }

    @Override
    public DeleteBucketOwnershipControlsResponse deleteBucketOwnershipControls(
            DeleteBucketOwnershipControlsRequest request) {
        throw Unimplemented.operation(this, "DeleteBucketOwnershipControls");
    }

    @Override
    public DeleteBucketPolicyResponse deleteBucketPolicy(DeleteBucketPolicyRequest request) {
        throw Unimplemented.operation(this, "DeleteBucketPolicy");
    }

    @Override
    public DeleteBucketReplicationResponse deleteBucketReplication(DeleteBucketReplicationRequest request) {
        throw Unimplemented.operation(this, "DeleteBucketReplication");
    }

    @Override
    public DeleteBucketTaggingResponse deleteBucketTagging(DeleteBucketTaggingRequest request) {
        throw Unimplemented.operation(this, "DeleteBucketTagging");
    }

    @Override
    public DeleteBucketWebsiteResponse deleteBucketWebsite(DeleteBucketWebsiteRequest request) {
        throw Unimplemented.operation(this, "DeleteBucketWebsite");
    }

    @Override
    public DeleteObjectResponse deleteObject(DeleteObjectRequest request) {
        throw Unimplemented.operation(this, "DeleteObject");
    }

    @Override
    public DeleteObjectAnnotationResponse deleteObjectAnnotation(DeleteObjectAnnotationRequest request) {
        throw Unimplemented.operation(this, "DeleteObjectAnnotation");
    }

    @Override
    public DeleteObjectTaggingResponse deleteObjectTagging(DeleteObjectTaggingRequest request) {
        throw Unimplemented.operation(this, "DeleteObjectTagging");
    }

    @Override
    public DeleteObjectsResponse deleteObjects(DeleteObjectsRequest request) {
        throw Unimplemented.operation(this, "DeleteObjects");
    }

    @Override
    public DeletePublicAccessBlockResponse deletePublicAccessBlock(DeletePublicAccessBlockRequest request) {
        throw Unimplemented.operation(this, "DeletePublicAccessBlock");
    }

    @Override
    public GetBucketAbacResponse getBucketAbac(GetBucketAbacRequest request) {
        throw Unimplemented.operation(this, "GetBucketAbac");
    }

    @Override
    public GetBucketAccelerateConfigurationResponse getBucketAccelerateConfiguration(
            GetBucketAccelerateConfigurationRequest request) {
        throw Unimplemented.operation(this, "GetBucketAccelerateConfiguration");
    }

    @Override
    public GetBucketAclResponse getBucketAcl(GetBucketAclRequest request) {
        throw Unimplemented.operation(this, "GetBucketAcl");
    }

    @Override
    public GetBucketAnalyticsConfigurationResponse getBucketAnalyticsConfiguration(
            GetBucketAnalyticsConfigurationRequest request) {
        throw Unimplemented.operation(this, "GetBucketAnalyticsConfiguration");
    }

    @Override
    public GetBucketCorsResponse getBucketCors(GetBucketCorsRequest request) {
        throw Unimplemented.operation(this, "GetBucketCors");
    }

    @Override
    public GetBucketEncryptionResponse getBucketEncryption(GetBucketEncryptionRequest request) {
        throw Unimplemented.operation(this, "GetBucketEncryption");
    }

    @Override
    public GetBucketIntelligentTieringConfigurationResponse getBucketIntelligentTieringConfiguration(
            GetBucketIntelligentTieringConfigurationRequest request) {
        throw Unimplemented.operation(this, "GetBucketIntelligentTieringConfiguration");
    }

    @Override
    public GetBucketInventoryConfigurationResponse getBucketInventoryConfiguration(
            GetBucketInventoryConfigurationRequest request) {
        throw Unimplemented.operation(this, "GetBucketInventoryConfiguration");
    }

    @Override
    public GetBucketLifecycleConfigurationResponse getBucketLifecycleConfiguration(
            GetBucketLifecycleConfigurationRequest request) {
        throw Unimplemented.operation(this, "GetBucketLifecycleConfiguration");
    }

    @Override
    public GetBucketLocationResponse getBucketLocation(GetBucketLocationRequest request) {
        throw Unimplemented.operation(this, "GetBucketLocation");
    }

    @Override
    public GetBucketLoggingResponse getBucketLogging(GetBucketLoggingRequest request) {
        throw Unimplemented.operation(this, "GetBucketLogging");
    }

    @Override
    public GetBucketMetadataConfigurationResponse getBucketMetadataConfiguration(
            GetBucketMetadataConfigurationRequest request) {
        throw Unimplemented.operation(this, "GetBucketMetadataConfiguration");
    }

    @Override
    public GetBucketMetadataTableConfigurationResponse getBucketMetadataTableConfiguration(
            GetBucketMetadataTableConfigurationRequest request) {
        throw Unimplemented.operation(this, "GetBucketMetadataTableConfiguration");
    }

    @Override
    public GetBucketMetricsConfigurationResponse getBucketMetricsConfiguration(
            GetBucketMetricsConfigurationRequest request) {
        throw Unimplemented.operation(this, "GetBucketMetricsConfiguration");
    }

    @Override
    public GetBucketNotificationConfigurationResponse getBucketNotificationConfiguration(
            GetBucketNotificationConfigurationRequest request) {
        throw Unimplemented.operation(this, "GetBucketNotificationConfiguration");
    }

    @Override
    public GetBucketOwnershipControlsResponse getBucketOwnershipControls(GetBucketOwnershipControlsRequest request) {
        throw Unimplemented.operation(this, "GetBucketOwnershipControls");
    }

    @Override
    public GetBucketPolicyResponse getBucketPolicy(GetBucketPolicyRequest request) {
        throw Unimplemented.operation(this, "GetBucketPolicy");
    }

    @Override
    public GetBucketPolicyStatusResponse getBucketPolicyStatus(GetBucketPolicyStatusRequest request) {
        throw Unimplemented.operation(this, "GetBucketPolicyStatus");
    }

    @Override
    public GetBucketReplicationResponse getBucketReplication(GetBucketReplicationRequest request) {
        throw Unimplemented.operation(this, "GetBucketReplication");
    }

    @Override
    public GetBucketRequestPaymentResponse getBucketRequestPayment(GetBucketRequestPaymentRequest request) {
        throw Unimplemented.operation(this, "GetBucketRequestPayment");
    }

    @Override
    public GetBucketTaggingResponse getBucketTagging(GetBucketTaggingRequest request) {
        throw Unimplemented.operation(this, "GetBucketTagging");
    }

    @Override
    public GetBucketVersioningResponse getBucketVersioning(GetBucketVersioningRequest request) {
        throw Unimplemented.operation(this, "GetBucketVersioning");
    }

    @Override
    public GetBucketWebsiteResponse getBucketWebsite(GetBucketWebsiteRequest request) {
        throw Unimplemented.operation(this, "GetBucketWebsite");
    }

    @Override
    public <ReturnT> ReturnT getObject(
            GetObjectRequest request, ResponseTransformer<GetObjectResponse, ReturnT> responseTransformer) {
        throw Unimplemented.operation(this, "GetObject");
    }

    @Override
    public GetObjectAclResponse getObjectAcl(GetObjectAclRequest request) {
        throw Unimplemented.operation(this, "GetObjectAcl");
    }

    @Override
    public <ReturnT> ReturnT getObjectAnnotation(
            GetObjectAnnotationRequest request, ResponseTransformer<GetObjectAnnotationResponse, ReturnT> responseTransformer) {
        throw Unimplemented.operation(this, "GetObjectAnnotation");
    }

    @Override
    public GetObjectAttributesResponse getObjectAttributes(GetObjectAttributesRequest request) {
        throw Unimplemented.operation(this, "GetObjectAttributes");
    }

    @Override
    public GetObjectLegalHoldResponse getObjectLegalHold(GetObjectLegalHoldRequest request) {
        throw Unimplemented.operation(this, "GetObjectLegalHold");
    }

    @Override
    public GetObjectLockConfigurationResponse getObjectLockConfiguration(GetObjectLockConfigurationRequest request) {
        throw Unimplemented.operation(this, "GetObjectLockConfiguration");
    }

    @Override
    public GetObjectRetentionResponse getObjectRetention(GetObjectRetentionRequest request) {
        throw Unimplemented.operation(this, "GetObjectRetention");
    }

    @Override
    public GetObjectTaggingResponse getObjectTagging(GetObjectTaggingRequest request) {
        throw Unimplemented.operation(this, "GetObjectTagging");
    }

    @Override
    public <ReturnT> ReturnT getObjectTorrent(
            GetObjectTorrentRequest request, ResponseTransformer<GetObjectTorrentResponse, ReturnT> responseTransformer) {
        throw Unimplemented.operation(this, "GetObjectTorrent");
    }

    @Override
    public GetPublicAccessBlockResponse getPublicAccessBlock(GetPublicAccessBlockRequest request) {
        throw Unimplemented.operation(this, "GetPublicAccessBlock");
    }

    @Override
    public HeadBucketResponse headBucket(HeadBucketRequest request) {
        throw Unimplemented.operation(this, "HeadBucket");
    }

    @Override
    public HeadObjectResponse headObject(HeadObjectRequest request) {
        throw Unimplemented.operation(this, "HeadObject");
    }

    @Override
    public ListBucketAnalyticsConfigurationsResponse listBucketAnalyticsConfigurations(
            ListBucketAnalyticsConfigurationsRequest request) {
        throw Unimplemented.operation(this, "ListBucketAnalyticsConfigurations");
    }

    @Override
    public ListBucketIntelligentTieringConfigurationsResponse listBucketIntelligentTieringConfigurations(
            ListBucketIntelligentTieringConfigurationsRequest request) {
        throw Unimplemented.operation(this, "ListBucketIntelligentTieringConfigurations");
    }

    @Override
    public ListBucketInventoryConfigurationsResponse listBucketInventoryConfigurations(
            ListBucketInventoryConfigurationsRequest request) {
        throw Unimplemented.operation(this, "ListBucketInventoryConfigurations");
    }

    @Override
    public ListBucketMetricsConfigurationsResponse listBucketMetricsConfigurations(
            ListBucketMetricsConfigurationsRequest request) {
        throw Unimplemented.operation(this, "ListBucketMetricsConfigurations");
    }

    @Override
    public ListBucketsResponse listBuckets(ListBucketsRequest request) {
        throw Unimplemented.operation(this, "ListBuckets");
    }

    @Override
    public ListDirectoryBucketsResponse listDirectoryBuckets(ListDirectoryBucketsRequest request) {
        throw Unimplemented.operation(this, "ListDirectoryBuckets");
    }

    @Override
    public ListMultipartUploadsResponse listMultipartUploads(ListMultipartUploadsRequest request) {
        throw Unimplemented.operation(this, "ListMultipartUploads");
    }

    @Override
    public ListObjectAnnotationsResponse listObjectAnnotations(ListObjectAnnotationsRequest request) {
        throw Unimplemented.operation(this, "ListObjectAnnotations");
    }

    @Override
    public ListObjectVersionsResponse listObjectVersions(ListObjectVersionsRequest request) {
        throw Unimplemented.operation(this, "ListObjectVersions");
    }

    @Override
    public ListObjectsResponse listObjects(ListObjectsRequest request) {
        throw Unimplemented.operation(this, "ListObjects");
    }

    @Override
    public ListObjectsV2Response listObjectsV2(ListObjectsV2Request request) {
        throw Unimplemented.operation(this, "ListObjectsV2");
    }

    @Override
    public ListPartsResponse listParts(ListPartsRequest request) {
        throw Unimplemented.operation(this, "ListParts");
    }

    @Override
    public PutBucketAbacResponse putBucketAbac(PutBucketAbacRequest request) {
        throw Unimplemented.operation(this, "PutBucketAbac");
    }

    @Override
    public PutBucketAccelerateConfigurationResponse putBucketAccelerateConfiguration(
            PutBucketAccelerateConfigurationRequest request) {
        throw Unimplemented.operation(this, "PutBucketAccelerateConfiguration");
    }

    @Override
    public PutBucketAclResponse putBucketAcl(PutBucketAclRequest request) {
        throw Unimplemented.operation(this, "PutBucketAcl");
    }

    @Override
    public PutBucketAnalyticsConfigurationResponse putBucketAnalyticsConfiguration(
            PutBucketAnalyticsConfigurationRequest request) {
        throw Unimplemented.operation(this, "PutBucketAnalyticsConfiguration");
    }

    @Override
    public PutBucketCorsResponse putBucketCors(PutBucketCorsRequest request) {
        throw Unimplemented.operation(this, "PutBucketCors");
    }

    @Override
    public PutBucketEncryptionResponse putBucketEncryption(PutBucketEncryptionRequest request) {
        throw Unimplemented.operation(this, "PutBucketEncryption");
    }

    @Override
    public PutBucketIntelligentTieringConfigurationResponse putBucketIntelligentTieringConfiguration(
            PutBucketIntelligentTieringConfigurationRequest request) {
        throw Unimplemented.operation(this, "PutBucketIntelligentTieringConfiguration");
    }

    @Override
    public PutBucketInventoryConfigurationResponse putBucketInventoryConfiguration(
            PutBucketInventoryConfigurationRequest request) {
        throw Unimplemented.operation(this, "PutBucketInventoryConfiguration");
    }

    @Override
    public PutBucketLifecycleConfigurationResponse putBucketLifecycleConfiguration(
            PutBucketLifecycleConfigurationRequest request) {
        throw Unimplemented.operation(this, "PutBucketLifecycleConfiguration");
    }

    @Override
    public PutBucketLoggingResponse putBucketLogging(PutBucketLoggingRequest request) {
        throw Unimplemented.operation(this, "PutBucketLogging");
    }

    @Override
    public PutBucketMetricsConfigurationResponse putBucketMetricsConfiguration(
            PutBucketMetricsConfigurationRequest request) {
        throw Unimplemented.operation(this, "PutBucketMetricsConfiguration");
    }

    @Override
    public PutBucketNotificationConfigurationResponse putBucketNotificationConfiguration(
            PutBucketNotificationConfigurationRequest request) {
        throw Unimplemented.operation(this, "PutBucketNotificationConfiguration");
    }

    @Override
    public PutBucketOwnershipControlsResponse putBucketOwnershipControls(PutBucketOwnershipControlsRequest request) {
        throw Unimplemented.operation(this, "PutBucketOwnershipControls");
    }

    @Override
    public PutBucketPolicyResponse putBucketPolicy(PutBucketPolicyRequest request) {
        throw Unimplemented.operation(this, "PutBucketPolicy");
    }

    @Override
    public PutBucketReplicationResponse putBucketReplication(PutBucketReplicationRequest request) {
        throw Unimplemented.operation(this, "PutBucketReplication");
    }

    @Override
    public PutBucketRequestPaymentResponse putBucketRequestPayment(PutBucketRequestPaymentRequest request) {
        throw Unimplemented.operation(this, "PutBucketRequestPayment");
    }

    @Override
    public PutBucketTaggingResponse putBucketTagging(PutBucketTaggingRequest request) {
        throw Unimplemented.operation(this, "PutBucketTagging");
    }

    @Override
    public PutBucketVersioningResponse putBucketVersioning(PutBucketVersioningRequest request) {
        throw Unimplemented.operation(this, "PutBucketVersioning");
    }

    @Override
    public PutBucketWebsiteResponse putBucketWebsite(PutBucketWebsiteRequest request) {
        throw Unimplemented.operation(this, "PutBucketWebsite");
    }

    @Override
    public PutObjectResponse putObject(PutObjectRequest request, RequestBody requestBody) {
        throw Unimplemented.operation(this, "PutObject");
    }

    @Override
    public PutObjectAclResponse putObjectAcl(PutObjectAclRequest request) {
        throw Unimplemented.operation(this, "PutObjectAcl");
    }

    @Override
    public PutObjectAnnotationResponse putObjectAnnotation(
            PutObjectAnnotationRequest request, RequestBody requestBody) {
        throw Unimplemented.operation(this, "PutObjectAnnotation");
    }

    @Override
    public PutObjectLegalHoldResponse putObjectLegalHold(PutObjectLegalHoldRequest request) {
        throw Unimplemented.operation(this, "PutObjectLegalHold");
    }

    @Override
    public PutObjectLockConfigurationResponse putObjectLockConfiguration(PutObjectLockConfigurationRequest request) {
        throw Unimplemented.operation(this, "PutObjectLockConfiguration");
    }

    @Override
    public PutObjectRetentionResponse putObjectRetention(PutObjectRetentionRequest request) {
        throw Unimplemented.operation(this, "PutObjectRetention");
    }

    @Override
    public PutObjectTaggingResponse putObjectTagging(PutObjectTaggingRequest request) {
        throw Unimplemented.operation(this, "PutObjectTagging");
    }

    @Override
    public PutPublicAccessBlockResponse putPublicAccessBlock(PutPublicAccessBlockRequest request) {
        throw Unimplemented.operation(this, "PutPublicAccessBlock");
    }

    @Override
    public RenameObjectResponse renameObject(RenameObjectRequest request) {
        throw Unimplemented.operation(this, "RenameObject");
    }

    @Override
    public RestoreObjectResponse restoreObject(RestoreObjectRequest request) {
        throw Unimplemented.operation(this, "RestoreObject");
    }

    @Override
    public S3ServiceClientConfiguration serviceClientConfiguration() {
        throw Unimplemented.operation(this, "serviceClientConfiguration()");
    }

    @Override
    public UpdateBucketMetadataAnnotationTableConfigurationResponse updateBucketMetadataAnnotationTableConfiguration(
            UpdateBucketMetadataAnnotationTableConfigurationRequest request) {
        throw Unimplemented.operation(this, "UpdateBucketMetadataAnnotationTableConfiguration");
    }

    @Override
    public UpdateBucketMetadataInventoryTableConfigurationResponse updateBucketMetadataInventoryTableConfiguration(
            UpdateBucketMetadataInventoryTableConfigurationRequest request) {
        throw Unimplemented.operation(this, "UpdateBucketMetadataInventoryTableConfiguration");
    }

    @Override
    public UpdateBucketMetadataJournalTableConfigurationResponse updateBucketMetadataJournalTableConfiguration(
            UpdateBucketMetadataJournalTableConfigurationRequest request) {
        throw Unimplemented.operation(this, "UpdateBucketMetadataJournalTableConfiguration");
    }

    @Override
    public UpdateObjectEncryptionResponse updateObjectEncryption(UpdateObjectEncryptionRequest request) {
        throw Unimplemented.operation(this, "UpdateObjectEncryption");
    }

    @Override
    public UploadPartResponse uploadPart(UploadPartRequest request, RequestBody requestBody) {
        throw Unimplemented.operation(this, "UploadPart");
    }

    @Override
    public UploadPartCopyResponse uploadPartCopy(UploadPartCopyRequest request) {
        throw Unimplemented.operation(this, "UploadPartCopy");
    }

    @Override
    public S3Utilities utilities() {
        throw Unimplemented.operation(this, "utilities()");
    }

    @Override
    public S3Waiter waiter() {
        throw Unimplemented.operation(this, "waiter()");
    }

    @Override
    public WriteGetObjectResponseResponse writeGetObjectResponse(
            WriteGetObjectResponseRequest request, RequestBody requestBody) {
        throw Unimplemented.operation(this, "WriteGetObjectResponse");
    }
}
