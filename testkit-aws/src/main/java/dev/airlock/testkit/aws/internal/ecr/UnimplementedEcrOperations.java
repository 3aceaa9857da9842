package dev.airlock.testkit.aws.internal.ecr;

import dev.airlock.testkit.aws.internal.Unimplemented;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.EcrServiceClientConfiguration;
import software.amazon.awssdk.services.ecr.model.BatchCheckLayerAvailabilityRequest;
import software.amazon.awssdk.services.ecr.model.BatchCheckLayerAvailabilityResponse;
import software.amazon.awssdk.services.ecr.model.BatchDeleteImageRequest;
import software.amazon.awssdk.services.ecr.model.BatchDeleteImageResponse;
import software.amazon.awssdk.services.ecr.model.BatchGetImageRequest;
import software.amazon.awssdk.services.ecr.model.BatchGetImageResponse;
import software.amazon.awssdk.services.ecr.model.BatchGetRepositoryScanningConfigurationRequest;
import software.amazon.awssdk.services.ecr.model.BatchGetRepositoryScanningConfigurationResponse;
import software.amazon.awssdk.services.ecr.model.CompleteLayerUploadRequest;
import software.amazon.awssdk.services.ecr.model.CompleteLayerUploadResponse;
import software.amazon.awssdk.services.ecr.model.CreatePullThroughCacheRuleRequest;
import software.amazon.awssdk.services.ecr.model.CreatePullThroughCacheRuleResponse;
import software.amazon.awssdk.services.ecr.model.CreateRepositoryCreationTemplateRequest;
import software.amazon.awssdk.services.ecr.model.CreateRepositoryCreationTemplateResponse;
import software.amazon.awssdk.services.ecr.model.CreateRepositoryRequest;
import software.amazon.awssdk.services.ecr.model.CreateRepositoryResponse;
import software.amazon.awssdk.services.ecr.model.DeleteLifecyclePolicyRequest;
import software.amazon.awssdk.services.ecr.model.DeleteLifecyclePolicyResponse;
import software.amazon.awssdk.services.ecr.model.DeletePullThroughCacheRuleRequest;
import software.amazon.awssdk.services.ecr.model.DeletePullThroughCacheRuleResponse;
import software.amazon.awssdk.services.ecr.model.DeleteRegistryPolicyRequest;
import software.amazon.awssdk.services.ecr.model.DeleteRegistryPolicyResponse;
import software.amazon.awssdk.services.ecr.model.DeleteRepositoryCreationTemplateRequest;
import software.amazon.awssdk.services.ecr.model.DeleteRepositoryCreationTemplateResponse;
import software.amazon.awssdk.services.ecr.model.DeleteRepositoryPolicyRequest;
import software.amazon.awssdk.services.ecr.model.DeleteRepositoryPolicyResponse;
import software.amazon.awssdk.services.ecr.model.DeleteRepositoryRequest;
import software.amazon.awssdk.services.ecr.model.DeleteRepositoryResponse;
import software.amazon.awssdk.services.ecr.model.DeleteSigningConfigurationRequest;
import software.amazon.awssdk.services.ecr.model.DeleteSigningConfigurationResponse;
import software.amazon.awssdk.services.ecr.model.DeregisterPullTimeUpdateExclusionRequest;
import software.amazon.awssdk.services.ecr.model.DeregisterPullTimeUpdateExclusionResponse;
import software.amazon.awssdk.services.ecr.model.DescribeImageReplicationStatusRequest;
import software.amazon.awssdk.services.ecr.model.DescribeImageReplicationStatusResponse;
import software.amazon.awssdk.services.ecr.model.DescribeImageScanFindingsRequest;
import software.amazon.awssdk.services.ecr.model.DescribeImageScanFindingsResponse;
import software.amazon.awssdk.services.ecr.model.DescribeImageSigningStatusRequest;
import software.amazon.awssdk.services.ecr.model.DescribeImageSigningStatusResponse;
import software.amazon.awssdk.services.ecr.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ecr.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ecr.model.DescribePullThroughCacheRulesRequest;
import software.amazon.awssdk.services.ecr.model.DescribePullThroughCacheRulesResponse;
import software.amazon.awssdk.services.ecr.model.DescribeRegistryRequest;
import software.amazon.awssdk.services.ecr.model.DescribeRegistryResponse;
import software.amazon.awssdk.services.ecr.model.DescribeReplicationBackfillResultsRequest;
import software.amazon.awssdk.services.ecr.model.DescribeReplicationBackfillResultsResponse;
import software.amazon.awssdk.services.ecr.model.DescribeRepositoriesRequest;
import software.amazon.awssdk.services.ecr.model.DescribeRepositoriesResponse;
import software.amazon.awssdk.services.ecr.model.DescribeRepositoryCreationTemplatesRequest;
import software.amazon.awssdk.services.ecr.model.DescribeRepositoryCreationTemplatesResponse;
import software.amazon.awssdk.services.ecr.model.GetAccountSettingRequest;
import software.amazon.awssdk.services.ecr.model.GetAccountSettingResponse;
import software.amazon.awssdk.services.ecr.model.GetAuthorizationTokenRequest;
import software.amazon.awssdk.services.ecr.model.GetAuthorizationTokenResponse;
import software.amazon.awssdk.services.ecr.model.GetDownloadUrlForLayerRequest;
import software.amazon.awssdk.services.ecr.model.GetDownloadUrlForLayerResponse;
import software.amazon.awssdk.services.ecr.model.GetLifecyclePolicyPreviewRequest;
import software.amazon.awssdk.services.ecr.model.GetLifecyclePolicyPreviewResponse;
import software.amazon.awssdk.services.ecr.model.GetLifecyclePolicyRequest;
import software.amazon.awssdk.services.ecr.model.GetLifecyclePolicyResponse;
import software.amazon.awssdk.services.ecr.model.GetRegistryPolicyRequest;
import software.amazon.awssdk.services.ecr.model.GetRegistryPolicyResponse;
import software.amazon.awssdk.services.ecr.model.GetRegistryScanningConfigurationRequest;
import software.amazon.awssdk.services.ecr.model.GetRegistryScanningConfigurationResponse;
import software.amazon.awssdk.services.ecr.model.GetRepositoryPolicyRequest;
import software.amazon.awssdk.services.ecr.model.GetRepositoryPolicyResponse;
import software.amazon.awssdk.services.ecr.model.GetSigningConfigurationRequest;
import software.amazon.awssdk.services.ecr.model.GetSigningConfigurationResponse;
import software.amazon.awssdk.services.ecr.model.InitiateLayerUploadRequest;
import software.amazon.awssdk.services.ecr.model.InitiateLayerUploadResponse;
import software.amazon.awssdk.services.ecr.model.ListImageReferrersRequest;
import software.amazon.awssdk.services.ecr.model.ListImageReferrersResponse;
import software.amazon.awssdk.services.ecr.model.ListImagesRequest;
import software.amazon.awssdk.services.ecr.model.ListImagesResponse;
import software.amazon.awssdk.services.ecr.model.ListPullTimeUpdateExclusionsRequest;
import software.amazon.awssdk.services.ecr.model.ListPullTimeUpdateExclusionsResponse;
import software.amazon.awssdk.services.ecr.model.ListReplicationBackfillsRequest;
import software.amazon.awssdk.services.ecr.model.ListReplicationBackfillsResponse;
import software.amazon.awssdk.services.ecr.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.ecr.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.ecr.model.PutAccountSettingRequest;
import software.amazon.awssdk.services.ecr.model.PutAccountSettingResponse;
import software.amazon.awssdk.services.ecr.model.PutImageRequest;
import software.amazon.awssdk.services.ecr.model.PutImageResponse;
import software.amazon.awssdk.services.ecr.model.PutImageScanningConfigurationRequest;
import software.amazon.awssdk.services.ecr.model.PutImageScanningConfigurationResponse;
import software.amazon.awssdk.services.ecr.model.PutImageTagMutabilityRequest;
import software.amazon.awssdk.services.ecr.model.PutImageTagMutabilityResponse;
import software.amazon.awssdk.services.ecr.model.PutLifecyclePolicyRequest;
import software.amazon.awssdk.services.ecr.model.PutLifecyclePolicyResponse;
import software.amazon.awssdk.services.ecr.model.PutRegistryPolicyRequest;
import software.amazon.awssdk.services.ecr.model.PutRegistryPolicyResponse;
import software.amazon.awssdk.services.ecr.model.PutRegistryScanningConfigurationRequest;
import software.amazon.awssdk.services.ecr.model.PutRegistryScanningConfigurationResponse;
import software.amazon.awssdk.services.ecr.model.PutReplicationConfigurationRequest;
import software.amazon.awssdk.services.ecr.model.PutReplicationConfigurationResponse;
import software.amazon.awssdk.services.ecr.model.PutSigningConfigurationRequest;
import software.amazon.awssdk.services.ecr.model.PutSigningConfigurationResponse;
import software.amazon.awssdk.services.ecr.model.RegisterPullTimeUpdateExclusionRequest;
import software.amazon.awssdk.services.ecr.model.RegisterPullTimeUpdateExclusionResponse;
import software.amazon.awssdk.services.ecr.model.SetRepositoryPolicyRequest;
import software.amazon.awssdk.services.ecr.model.SetRepositoryPolicyResponse;
import software.amazon.awssdk.services.ecr.model.StartImageScanRequest;
import software.amazon.awssdk.services.ecr.model.StartImageScanResponse;
import software.amazon.awssdk.services.ecr.model.StartLifecyclePolicyPreviewRequest;
import software.amazon.awssdk.services.ecr.model.StartLifecyclePolicyPreviewResponse;
import software.amazon.awssdk.services.ecr.model.StartReplicationBackfillRequest;
import software.amazon.awssdk.services.ecr.model.StartReplicationBackfillResponse;
import software.amazon.awssdk.services.ecr.model.StopReplicationBackfillRequest;
import software.amazon.awssdk.services.ecr.model.StopReplicationBackfillResponse;
import software.amazon.awssdk.services.ecr.model.TagResourceRequest;
import software.amazon.awssdk.services.ecr.model.TagResourceResponse;
import software.amazon.awssdk.services.ecr.model.UntagResourceRequest;
import software.amazon.awssdk.services.ecr.model.UntagResourceResponse;
import software.amazon.awssdk.services.ecr.model.UpdateImageStorageClassRequest;
import software.amazon.awssdk.services.ecr.model.UpdateImageStorageClassResponse;
import software.amazon.awssdk.services.ecr.model.UpdatePullThroughCacheRuleRequest;
import software.amazon.awssdk.services.ecr.model.UpdatePullThroughCacheRuleResponse;
import software.amazon.awssdk.services.ecr.model.UpdateRepositoryCreationTemplateRequest;
import software.amazon.awssdk.services.ecr.model.UpdateRepositoryCreationTemplateResponse;
import software.amazon.awssdk.services.ecr.model.UploadLayerPartRequest;
import software.amazon.awssdk.services.ecr.model.UploadLayerPartResponse;
import software.amazon.awssdk.services.ecr.model.ValidatePullThroughCacheRuleRequest;
import software.amazon.awssdk.services.ecr.model.ValidatePullThroughCacheRuleResponse;
import software.amazon.awssdk.services.ecr.waiters.EcrWaiter;

/**
 * Every method of the SDK's {@link EcrClient} (AWS SDK for Java 2.57.8) whose default body throws a bare
 * {@link UnsupportedOperationException}, overridden to throw one that names the operation;
 * {@link FakeEcrClient} overrides the operations it implements. Convenience overloads (builder consumers,
 * paths, paginators) keep their defaults, which delegate to these. Written by the testkit's
 * {@code UnimplementedOperationsSource}; {@code UnimplementedOperationsTest} fails when an SDK upgrade
 * adds a method missing here.
 */
public abstract class UnimplementedEcrOperations implements EcrClient {
    @Override
    public BatchCheckLayerAvailabilityResponse batchCheckLayerAvailability(BatchCheckLayerAvailabilityRequest request) {
        throw Unimplemented.operation(this, "BatchCheckLayerAvailability");
    }

    @Override
    public BatchDeleteImageResponse batchDeleteImage(BatchDeleteImageRequest request) {
        throw Unimplemented.operation(this, "BatchDeleteImage");
    }

    @Override
    public BatchGetImageResponse batchGetImage(BatchGetImageRequest request) {
        throw Unimplemented.operation(this, "BatchGetImage");
    }

    @Override
    public BatchGetRepositoryScanningConfigurationResponse batchGetRepositoryScanningConfiguration(
            BatchGetRepositoryScanningConfigurationRequest request) {
        throw Unimplemented.operation(this, "BatchGetRepositoryScanningConfiguration");
    }

    @Override
    public CompleteLayerUploadResponse completeLayerUpload(CompleteLayerUploadRequest request) {
        throw Unimplemented.operation(this, "CompleteLayerUpload");
    }

    @Override
    public CreatePullThroughCacheRuleResponse createPullThroughCacheRule(CreatePullThroughCacheRuleRequest request) {
        throw Unimplemented.operation(this, "CreatePullThroughCacheRule");
    }

    @Override
    public CreateRepositoryResponse createRepository(CreateRepositoryRequest request) {
        throw Unimplemented.operation(this, "CreateRepository");
    }

    @Override
    public CreateRepositoryCreationTemplateResponse createRepositoryCreationTemplate(
            CreateRepositoryCreationTemplateRequest request) {
        throw Unimplemented.operation(this, "CreateRepositoryCreationTemplate");
    }

    @Override
    public DeleteLifecyclePolicyResponse deleteLifecyclePolicy(DeleteLifecyclePolicyRequest request) {
        throw Unimplemented.operation(this, "DeleteLifecyclePolicy");
    }

    @Override
    public DeletePullThroughCacheRuleResponse deletePullThroughCacheRule(DeletePullThroughCacheRuleRequest request) {
        throw Unimplemented.operation(this, "DeletePullThroughCacheRule");
    }

    @Override
    public DeleteRegistryPolicyResponse deleteRegistryPolicy(DeleteRegistryPolicyRequest request) {
        throw Unimplemented.operation(this, "DeleteRegistryPolicy");
    }

    @Override
    public DeleteRepositoryResponse deleteRepository(DeleteRepositoryRequest request) {
        throw Unimplemented.operation(this, "DeleteRepository");
    }

    @Override
    public DeleteRepositoryCreationTemplateResponse deleteRepositoryCreationTemplate(
            DeleteRepositoryCreationTemplateRequest request) {
        throw Unimplemented.operation(this, "DeleteRepositoryCreationTemplate");
    }

    @Override
    public DeleteRepositoryPolicyResponse deleteRepositoryPolicy(DeleteRepositoryPolicyRequest request) {
        throw Unimplemented.operation(this, "DeleteRepositoryPolicy");
    }

    @Override
    public DeleteSigningConfigurationResponse deleteSigningConfiguration(DeleteSigningConfigurationRequest request) {
        throw Unimplemented.operation(this, "DeleteSigningConfiguration");
    }

    @Override
    public DeregisterPullTimeUpdateExclusionResponse deregisterPullTimeUpdateExclusion(
            DeregisterPullTimeUpdateExclusionRequest request) {
        throw Unimplemented.operation(this, "DeregisterPullTimeUpdateExclusion");
    }

    @Override
    public DescribeImageReplicationStatusResponse describeImageReplicationStatus(
            DescribeImageReplicationStatusRequest request) {
        throw Unimplemented.operation(this, "DescribeImageReplicationStatus");
    }

    @Override
    public DescribeImageScanFindingsResponse describeImageScanFindings(DescribeImageScanFindingsRequest request) {
        throw Unimplemented.operation(this, "DescribeImageScanFindings");
    }

    @Override
    public DescribeImageSigningStatusResponse describeImageSigningStatus(DescribeImageSigningStatusRequest request) {
        throw Unimplemented.operation(this, "DescribeImageSigningStatus");
    }

    @Override
    public DescribeImagesResponse describeImages(DescribeImagesRequest request) {
        throw Unimplemented.operation(this, "DescribeImages");
    }

    @Override
    public DescribePullThroughCacheRulesResponse describePullThroughCacheRules(
            DescribePullThroughCacheRulesRequest request) {
        throw Unimplemented.operation(this, "DescribePullThroughCacheRules");
    }

    @Override
    public DescribeRegistryResponse describeRegistry(DescribeRegistryRequest request) {
        throw Unimplemented.operation(this, "DescribeRegistry");
    }

    @Override
    public DescribeReplicationBackfillResultsResponse describeReplicationBackfillResults(
            DescribeReplicationBackfillResultsRequest request) {
        throw Unimplemented.operation(this, "DescribeReplicationBackfillResults");
    }

    @Override
    public DescribeRepositoriesResponse describeRepositories(DescribeRepositoriesRequest request) {
        throw Unimplemented.operation(this, "DescribeRepositories");
    }

    @Override
    public DescribeRepositoryCreationTemplatesResponse describeRepositoryCreationTemplates(
            DescribeRepositoryCreationTemplatesRequest request) {
        throw Unimplemented.operation(this, "DescribeRepositoryCreationTemplates");
    }

    @Override
    public GetAccountSettingResponse getAccountSetting(GetAccountSettingRequest request) {
        throw Unimplemented.operation(this, "GetAccountSetting");
    }

    @Override
    public GetAuthorizationTokenResponse getAuthorizationToken(GetAuthorizationTokenRequest request) {
        throw Unimplemented.operation(this, "GetAuthorizationToken");
    }

    @Override
    public GetDownloadUrlForLayerResponse getDownloadUrlForLayer(GetDownloadUrlForLayerRequest request) {
        throw Unimplemented.operation(this, "GetDownloadUrlForLayer");
    }

    @Override
    public GetLifecyclePolicyResponse getLifecyclePolicy(GetLifecyclePolicyRequest request) {
        throw Unimplemented.operation(this, "GetLifecyclePolicy");
    }

    @Override
    public GetLifecyclePolicyPreviewResponse getLifecyclePolicyPreview(GetLifecyclePolicyPreviewRequest request) {
        throw Unimplemented.operation(this, "GetLifecyclePolicyPreview");
    }

    @Override
    public GetRegistryPolicyResponse getRegistryPolicy(GetRegistryPolicyRequest request) {
        throw Unimplemented.operation(this, "GetRegistryPolicy");
    }

    @Override
    public GetRegistryScanningConfigurationResponse getRegistryScanningConfiguration(
            GetRegistryScanningConfigurationRequest request) {
        throw Unimplemented.operation(this, "GetRegistryScanningConfiguration");
    }

    @Override
    public GetRepositoryPolicyResponse getRepositoryPolicy(GetRepositoryPolicyRequest request) {
        throw Unimplemented.operation(this, "GetRepositoryPolicy");
    }

    @Override
    public GetSigningConfigurationResponse getSigningConfiguration(GetSigningConfigurationRequest request) {
        throw Unimplemented.operation(this, "GetSigningConfiguration");
    }

    @Override
    public InitiateLayerUploadResponse initiateLayerUpload(InitiateLayerUploadRequest request) {
        throw Unimplemented.operation(this, "InitiateLayerUpload");
    }

    @Override
    public ListImageReferrersResponse listImageReferrers(ListImageReferrersRequest request) {
        throw Unimplemented.operation(this, "ListImageReferrers");
    }

    @Override
    public ListImagesResponse listImages(ListImagesRequest request) {
        throw Unimplemented.operation(this, "ListImages");
    }

    @Override
    public ListPullTimeUpdateExclusionsResponse listPullTimeUpdateExclusions(
            ListPullTimeUpdateExclusionsRequest request) {
        throw Unimplemented.operation(this, "ListPullTimeUpdateExclusions");
    }

    @Override
    public ListReplicationBackfillsResponse listReplicationBackfills(ListReplicationBackfillsRequest request) {
        throw Unimplemented.operation(this, "ListReplicationBackfills");
    }

    @Override
    public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest request) {
        throw Unimplemented.operation(this, "ListTagsForResource");
    }

    @Override
    public PutAccountSettingResponse putAccountSetting(PutAccountSettingRequest request) {
        throw Unimplemented.operation(this, "PutAccountSetting");
    }

    @Override
    public PutImageResponse putImage(PutImageRequest request) {
        throw Unimplemented.operation(this, "PutImage");
    }

    @Override
    public PutImageScanningConfigurationResponse putImageScanningConfiguration(
            PutImageScanningConfigurationRequest request) {
        throw Unimplemented.operation(this, "PutImageScanningConfiguration");
    }

    @Override
    public PutImageTagMutabilityResponse putImageTagMutability(PutImageTagMutabilityRequest request) {
        throw Unimplemented.operation(this, "PutImageTagMutability");
    }

    @Override
    public PutLifecyclePolicyResponse putLifecyclePolicy(PutLifecyclePolicyRequest request) {
        throw Unimplemented.operation(this, "PutLifecyclePolicy");
    }

    @Override
    public PutRegistryPolicyResponse putRegistryPolicy(PutRegistryPolicyRequest request) {
        throw Unimplemented.operation(this, "PutRegistryPolicy");
    }

    @Override
    public PutRegistryScanningConfigurationResponse putRegistryScanningConfiguration(
            PutRegistryScanningConfigurationRequest request) {
        throw Unimplemented.operation(this, "PutRegistryScanningConfiguration");
    }

    @Override
    public PutReplicationConfigurationResponse putReplicationConfiguration(PutReplicationConfigurationRequest request) {
        throw Unimplemented.operation(this, "PutReplicationConfiguration");
    }

    @Override
    public PutSigningConfigurationResponse putSigningConfiguration(PutSigningConfigurationRequest request) {
        throw Unimplemented.operation(this, "PutSigningConfiguration");
    }

    @Override
    public RegisterPullTimeUpdateExclusionResponse registerPullTimeUpdateExclusion(
            RegisterPullTimeUpdateExclusionRequest request) {
        throw Unimplemented.operation(this, "RegisterPullTimeUpdateExclusion");
    }

    @Override
    public EcrServiceClientConfiguration serviceClientConfiguration() {
        throw Unimplemented.operation(this, "serviceClientConfiguration()");
    }

    @Override
    public SetRepositoryPolicyResponse setRepositoryPolicy(SetRepositoryPolicyRequest request) {
        throw Unimplemented.operation(this, "SetRepositoryPolicy");
    }

    @Override
    public StartImageScanResponse startImageScan(StartImageScanRequest request) {
        throw Unimplemented.operation(this, "StartImageScan");
    }

    @Override
    public StartLifecyclePolicyPreviewResponse startLifecyclePolicyPreview(StartLifecyclePolicyPreviewRequest request) {
        throw Unimplemented.operation(this, "StartLifecyclePolicyPreview");
    }

    @Override
    public StartReplicationBackfillResponse startReplicationBackfill(StartReplicationBackfillRequest request) {
        throw Unimplemented.operation(this, "StartReplicationBackfill");
    }

    @Override
    public StopReplicationBackfillResponse stopReplicationBackfill(StopReplicationBackfillRequest request) {
        throw Unimplemented.operation(this, "StopReplicationBackfill");
    }

    @Override
    public TagResourceResponse tagResource(TagResourceRequest request) {
        throw Unimplemented.operation(this, "TagResource");
    }

    @Override
    public UntagResourceResponse untagResource(UntagResourceRequest request) {
        throw Unimplemented.operation(this, "UntagResource");
    }

    @Override
    public UpdateImageStorageClassResponse updateImageStorageClass(UpdateImageStorageClassRequest request) {
        throw Unimplemented.operation(this, "UpdateImageStorageClass");
    }

    @Override
    public UpdatePullThroughCacheRuleResponse updatePullThroughCacheRule(UpdatePullThroughCacheRuleRequest request) {
        throw Unimplemented.operation(this, "UpdatePullThroughCacheRule");
    }

    @Override
    public UpdateRepositoryCreationTemplateResponse updateRepositoryCreationTemplate(
            UpdateRepositoryCreationTemplateRequest request) {
        throw Unimplemented.operation(this, "UpdateRepositoryCreationTemplate");
    }

    @Override
    public UploadLayerPartResponse uploadLayerPart(UploadLayerPartRequest request) {
        throw Unimplemented.operation(this, "UploadLayerPart");
    }

    @Override
    public ValidatePullThroughCacheRuleResponse validatePullThroughCacheRule(
            ValidatePullThroughCacheRuleRequest request) {
        throw Unimplemented.operation(this, "ValidatePullThroughCacheRule");
    }

    @Override
    public EcrWaiter waiter() {
        throw Unimplemented.operation(this, "waiter()");
    }
}
