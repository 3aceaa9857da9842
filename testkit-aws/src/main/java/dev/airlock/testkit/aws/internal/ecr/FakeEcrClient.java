package dev.airlock.testkit.aws.internal.ecr;

import dev.airlock.testkit.aws.internal.Calls;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.EcrServiceClientConfiguration;
import software.amazon.awssdk.services.ecr.model.BatchCheckLayerAvailabilityRequest;
import software.amazon.awssdk.services.ecr.model.BatchCheckLayerAvailabilityResponse;
import software.amazon.awssdk.services.ecr.model.BatchGetImageRequest;
import software.amazon.awssdk.services.ecr.model.BatchGetImageResponse;
import software.amazon.awssdk.services.ecr.model.CompleteLayerUploadRequest;
import software.amazon.awssdk.services.ecr.model.CompleteLayerUploadResponse;
import software.amazon.awssdk.services.ecr.model.CreateRepositoryRequest;
import software.amazon.awssdk.services.ecr.model.CreateRepositoryResponse;
import software.amazon.awssdk.services.ecr.model.DeleteRepositoryPolicyRequest;
import software.amazon.awssdk.services.ecr.model.DeleteRepositoryPolicyResponse;
import software.amazon.awssdk.services.ecr.model.DeleteRepositoryRequest;
import software.amazon.awssdk.services.ecr.model.DeleteRepositoryResponse;
import software.amazon.awssdk.services.ecr.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ecr.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ecr.model.DescribeRepositoriesRequest;
import software.amazon.awssdk.services.ecr.model.DescribeRepositoriesResponse;
import software.amazon.awssdk.services.ecr.model.GetAuthorizationTokenRequest;
import software.amazon.awssdk.services.ecr.model.GetAuthorizationTokenResponse;
import software.amazon.awssdk.services.ecr.model.GetDownloadUrlForLayerRequest;
import software.amazon.awssdk.services.ecr.model.GetDownloadUrlForLayerResponse;
import software.amazon.awssdk.services.ecr.model.GetRepositoryPolicyRequest;
import software.amazon.awssdk.services.ecr.model.GetRepositoryPolicyResponse;
import software.amazon.awssdk.services.ecr.model.InitiateLayerUploadRequest;
import software.amazon.awssdk.services.ecr.model.InitiateLayerUploadResponse;
import software.amazon.awssdk.services.ecr.model.ListImagesRequest;
import software.amazon.awssdk.services.ecr.model.ListImagesResponse;
import software.amazon.awssdk.services.ecr.model.PutImageRequest;
import software.amazon.awssdk.services.ecr.model.PutImageResponse;
import software.amazon.awssdk.services.ecr.model.PutImageTagMutabilityRequest;
import software.amazon.awssdk.services.ecr.model.PutImageTagMutabilityResponse;
import software.amazon.awssdk.services.ecr.model.SetRepositoryPolicyRequest;
import software.amazon.awssdk.services.ecr.model.SetRepositoryPolicyResponse;
import software.amazon.awssdk.services.ecr.model.UploadLayerPartRequest;
import software.amazon.awssdk.services.ecr.model.UploadLayerPartResponse;

/**
 * The ECR operations Airlock's copy and central-registry strategies and typical tooling use, bound to one
 * set of credentials and one region. Each operation lists the request fields it models; a request
 * setting any other field fails loudly.
 */
public final class FakeEcrClient implements EcrClient {
    private static final Set<String> REPOSITORY = Set.of("RegistryId", "RepositoryName");

    private static final Set<String> CREATE_FIELDS = with("ImageTagMutability");
    private static final Set<String> DESCRIBE_REPOSITORIES_FIELDS =
            Set.of("RegistryId", "RepositoryNames", "MaxResults", "NextToken");
    private static final Set<String> DELETE_FIELDS = with("Force");
    private static final Set<String> MUTABILITY_FIELDS = with("ImageTagMutability");
    private static final Set<String> SET_POLICY_FIELDS = with("PolicyText", "Force");
    private static final Set<String> PUT_IMAGE_FIELDS =
            with("ImageManifest", "ImageManifestMediaType", "ImageTag", "ImageDigest");
    private static final Set<String> BATCH_GET_FIELDS = with("ImageIds", "AcceptedMediaTypes");
    private static final Set<String> DESCRIBE_IMAGES_FIELDS = with("ImageIds", "MaxResults", "NextToken", "Filter");
    private static final Set<String> LIST_IMAGES_FIELDS = with("MaxResults", "NextToken", "Filter");
    private static final Set<String> CHECK_FIELDS = with("LayerDigests");
    private static final Set<String> UPLOAD_PART_FIELDS =
            with("UploadId", "PartFirstByte", "PartLastByte", "LayerPartBlob");
    private static final Set<String> COMPLETE_FIELDS = with("UploadId", "LayerDigests");
    private static final Set<String> DOWNLOAD_FIELDS = with("LayerDigest");

    private final Calls calls;
    private final Calls.Client client;
    private final RepositoryOps repositories;
    private final ImageOps images;
    private final LayerOps layers;

    public FakeEcrClient(Calls calls, Calls.Client client, EcrStore store) {
        this.calls = calls;
        this.client = client;
        this.repositories = new RepositoryOps(store);
        this.images = new ImageOps(store);
        this.layers = new LayerOps(store);
    }

    private static Set<String> with(String... more) {
        Set<String> all = new HashSet<>(REPOSITORY);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }

    @Override
    public CreateRepositoryResponse createRepository(CreateRepositoryRequest request) {
        return calls.run(client, "CreateRepository", request, CREATE_FIELDS,
                caller -> repositories.create(caller, client.region(), request));
    }

    @Override
    public DescribeRepositoriesResponse describeRepositories(DescribeRepositoriesRequest request) {
        return calls.run(client, "DescribeRepositories", request, DESCRIBE_REPOSITORIES_FIELDS,
                caller -> repositories.describe(caller, client.region(), request));
    }

    @Override
    public DeleteRepositoryResponse deleteRepository(DeleteRepositoryRequest request) {
        return calls.run(client, "DeleteRepository", request, DELETE_FIELDS,
                caller -> repositories.delete(caller, client.region(), request));
    }

    @Override
    public PutImageTagMutabilityResponse putImageTagMutability(PutImageTagMutabilityRequest request) {
        return calls.run(client, "PutImageTagMutability", request, MUTABILITY_FIELDS,
                caller -> repositories.putMutability(caller, client.region(), request));
    }

    @Override
    public SetRepositoryPolicyResponse setRepositoryPolicy(SetRepositoryPolicyRequest request) {
        return calls.run(client, "SetRepositoryPolicy", request, SET_POLICY_FIELDS,
                caller -> repositories.setPolicy(caller, client.region(), request));
    }

    @Override
    public GetRepositoryPolicyResponse getRepositoryPolicy(GetRepositoryPolicyRequest request) {
        return calls.run(client, "GetRepositoryPolicy", request, REPOSITORY,
                caller -> repositories.getPolicy(caller, client.region(), request));
    }

    @Override
    public DeleteRepositoryPolicyResponse deleteRepositoryPolicy(DeleteRepositoryPolicyRequest request) {
        return calls.run(client, "DeleteRepositoryPolicy", request, REPOSITORY,
                caller -> repositories.deletePolicy(caller, client.region(), request));
    }

    @Override
    public GetAuthorizationTokenResponse getAuthorizationToken(GetAuthorizationTokenRequest request) {
        return calls.run(client, "GetAuthorizationToken", request, Set.of(),
                caller -> repositories.authorizationToken(caller, client.region()));
    }

    @Override
    public PutImageResponse putImage(PutImageRequest request) {
        return calls.run(client, "PutImage", request, PUT_IMAGE_FIELDS,
                caller -> images.put(caller, client.region(), request));
    }

    @Override
    public BatchGetImageResponse batchGetImage(BatchGetImageRequest request) {
        return calls.run(client, "BatchGetImage", request, BATCH_GET_FIELDS,
                caller -> images.batchGet(caller, client.region(), request));
    }

    @Override
    public DescribeImagesResponse describeImages(DescribeImagesRequest request) {
        return calls.run(client, "DescribeImages", request, DESCRIBE_IMAGES_FIELDS,
                caller -> images.describe(caller, client.region(), request));
    }

    @Override
    public ListImagesResponse listImages(ListImagesRequest request) {
        return calls.run(client, "ListImages", request, LIST_IMAGES_FIELDS,
                caller -> images.list(caller, client.region(), request));
    }

    @Override
    public BatchCheckLayerAvailabilityResponse batchCheckLayerAvailability(BatchCheckLayerAvailabilityRequest request) {
        return calls.run(client, "BatchCheckLayerAvailability", request, CHECK_FIELDS,
                caller -> layers.check(caller, client.region(), request));
    }

    @Override
    public InitiateLayerUploadResponse initiateLayerUpload(InitiateLayerUploadRequest request) {
        return calls.run(client, "InitiateLayerUpload", request, REPOSITORY,
                caller -> layers.initiate(caller, client.region(), request));
    }

    @Override
    public UploadLayerPartResponse uploadLayerPart(UploadLayerPartRequest request) {
        return calls.run(client, "UploadLayerPart", request, UPLOAD_PART_FIELDS,
                caller -> layers.uploadPart(caller, client.region(), request));
    }

    @Override
    public CompleteLayerUploadResponse completeLayerUpload(CompleteLayerUploadRequest request) {
        return calls.run(client, "CompleteLayerUpload", request, COMPLETE_FIELDS,
                caller -> layers.complete(caller, client.region(), request));
    }

    @Override
    public GetDownloadUrlForLayerResponse getDownloadUrlForLayer(GetDownloadUrlForLayerRequest request) {
        return calls.run(client, "GetDownloadUrlForLayer", request, DOWNLOAD_FIELDS,
                caller -> layers.downloadUrl(caller, client.region(), request));
    }

    @Override
    public EcrServiceClientConfiguration serviceClientConfiguration() {
        return EcrServiceClientConfiguration.builder()
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
        return "FakeEcrClient[" + client.region() + "]";
    }
}
