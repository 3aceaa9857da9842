package dev.airlock.testkit.aws;

import static dev.airlock.testkit.aws.TestLandscape.PROD;
import static dev.airlock.testkit.aws.TestLandscape.PROD_DEPLOY;
import static dev.airlock.testkit.aws.TestLandscape.REGION;
import static dev.airlock.testkit.aws.TestLandscape.TOOLING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.airlock.testkit.aws.contract.Expect;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.Image;
import software.amazon.awssdk.services.ecr.model.ImageDetail;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;
import software.amazon.awssdk.services.ecr.model.Layer;

class FakeEcrTest {
    private final TestLandscape aws = new TestLandscape();
    private final EcrClient tooling = aws.ecr(aws.root(TOOLING));
    private final EcrClient prod = aws.ecr(aws.root(PROD));

    FakeEcrTest() {
        tooling.createRepository(c -> c.repositoryName("app").imageTagMutability(ImageTagMutability.IMMUTABLE));
        tooling.createRepository(c -> c.repositoryName("scratch").imageTagMutability(ImageTagMutability.MUTABLE));
        prod.createRepository(c -> c.repositoryName("app").imageTagMutability(ImageTagMutability.IMMUTABLE));
    }

    @Test
    void createRepository_withAnInvalidName_isInvalidParameter() {
        Expect.awsError(400, "InvalidParameterException", () -> tooling.createRepository(c -> c.repositoryName("Bad_Name")));
    }

    @Test
    void repositories_arePerAccountAndRegion() {
        assertEquals(List.of("app", "scratch"), tooling.describeRepositories().repositories().stream()
                .map(r -> r.repositoryName()).toList());
        assertEquals(List.of(), aws.world.ecr(aws.root(TOOLING), software.amazon.awssdk.regions.Region.US_EAST_1)
                .describeRepositories().repositories());
    }

    @Test
    @StricterThanMoto("IMMUTABLE tags answer `ImageTagAlreadyExistsException`")
    void immutableTag_isRefusedWithAwsErrorCode() {
        Images.push(tooling, "app", "1.0.0", Images.blob("c1"), Images.blob("l1"));
        String other = Images.manifest(Images.blob("c1"), Images.blob("l1"), Images.blob("l1"));

        Expect.awsError(400, "ImageTagAlreadyExistsException", () -> tooling.putImage(p -> p.repositoryName("app")
                .imageManifest(other).imageTag("1.0.0")));
    }

    @Test
    void describeAndListImages_filterByTagStatusAndPage() {
        Images.push(tooling, "scratch", "a", Images.blob("c1"), Images.blob("l1"));
        Images.push(tooling, "scratch", "a", Images.blob("c2"), Images.blob("l2"));
        Images.push(tooling, "scratch", "b", Images.blob("c3"), Images.blob("l3"));

        assertEquals(1, tooling.describeImages(d -> d.repositoryName("scratch").filter(f -> f.tagStatus("UNTAGGED")))
                .imageDetails().size());
        assertEquals(3, tooling.describeImagesPaginator(d -> d.repositoryName("scratch").maxResults(1)).imageDetails()
                .stream().count());
        assertEquals(2, tooling.listImages(l -> l.repositoryName("scratch").filter(f -> f.tagStatus("TAGGED")))
                .imageIds().size());
        Expect.awsError(400, "ImageNotFoundException", () -> tooling.describeImages(d -> d.repositoryName("scratch")
                .imageIds(Images.tag("missing"))));
    }

    @Test
    @StricterThanMoto("`PutImage` verifies `imageDigest`")
    void putImage_withTheDigestOfOtherBytes_isImageDigestDoesNotMatch() {
        EcrStrictness.putImage_withTheDigestOfOtherBytes_isImageDigestDoesNotMatch(tooling, "scratch");
    }

    @Test
    @StricterThanMoto("Manifests require their config and layer blobs")
    void putImage_referencingBlobsNotInTheRepository_isLayersNotFound() {
        EcrStrictness.putImage_referencingBlobsNotInTheRepository_isLayersNotFound(tooling, "app");
    }

    @Test
    @StricterThanMoto("Manifests require their config and layer blobs")
    void imageIndex_requiresItsChildManifestsFirst() {
        EcrStrictness.imageIndex_requiresItsChildManifestsFirst(tooling, "app");
    }

    @Test
    @StricterThanMoto("The layer APIs, with ECR's limits")
    void layerUpload_partsMustBeContiguousAndWithinTheSizeLimits() {
        EcrStrictness.layerUpload_partsMustBeContiguousAndWithinTheSizeLimits(tooling, "app");
    }

    @Test
    @StricterThanMoto("The layer APIs, with ECR's limits")
    void layerUpload_withASmallPartBeforeTheLast_isLayerPartTooSmall() {
        EcrStrictness.layerUpload_withASmallPartBeforeTheLast_isLayerPartTooSmall(tooling, "app");
    }

    @Test
    @StricterThanMoto("The layer APIs, with ECR's limits")
    void layerUpload_completion_checksDigestEmptinessAndDuplicates() {
        EcrStrictness.layerUpload_completion_checksDigestEmptinessAndDuplicates(tooling, "app");
    }

    @Test
    @StricterThanMoto("The layer APIs, with ECR's limits")
    void batchCheckLayerAvailability_reportsPresentAndMissingLayers() {
        EcrStrictness.batchCheckLayerAvailability_reportsPresentAndMissingLayers(tooling, "app");
    }

    @Test
    @StricterThanMoto("The layer APIs, with ECR's limits")
    void downloadUrl_resolvesToTheLayerBytesThroughTheWorld() {
        EcrStrictness.downloadUrl_resolvesToTheLayerBytes(tooling, "app", aws.world::download);
        assertThrows(IllegalArgumentException.class, () -> aws.world.download("https://example.com/layer"));
    }

    @Test
    @StricterThanMoto("Cross-account pull needs a repository policy")
    void crossAccountPull_needsTheRepositoryPolicy() {
        EcrStrictness.crossAccountPull_needsTheRepositoryPolicy(tooling, aws.ecr(aws.deploy(PROD_DEPLOY)), TOOLING,
                "app", PROD);
    }

    @Test
    @StricterThanMoto("Bucket and repository policies naming unknown principals")
    void repositoryPolicy_namingAnUnknownPrincipal_isInvalid() {
        EcrStrictness.repositoryPolicy_namingAnUnknownPrincipal_isInvalid(tooling, "app");
    }

    /**
     * The copy-to-environment-registry flow composed from the SDK calls alone: the prod deploy role reads
     * the tooling registry cross-account and moves only the blobs prod lacks.
     */
    @Test
    @StricterThanMoto("The layer APIs, with ECR's limits")
    void copyToEnvironmentRegistry_movesOnlyTheMissingBlobs() {
        byte[] shared = Images.bytes(7 * Images.MIB);
        byte[] fresh = Images.blob("application layer");
        byte[] config = Images.blob("{\"architecture\":\"amd64\"}");
        String manifest = Images.push(tooling, "app", "1.0.0", config, shared, fresh);
        Images.uploadLayer(prod, "app", shared);
        tooling.setRepositoryPolicy(s -> s.repositoryName("app").policyText("{\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"" + PROD_DEPLOY + "\"},\"Action\":[\"ecr:BatchGetImage\","
                + "\"ecr:GetDownloadUrlForLayer\"]}]}"));
        EcrClient deploy = aws.ecr(aws.deploy(PROD_DEPLOY));
        aws.world.clearCalls();

        Image source = deploy.batchGetImage(b -> b.registryId(TOOLING).repositoryName("app")
                .imageIds(Images.tag("1.0.0"))).images().get(0);
        List<String> blobs = List.of(Images.sha256(config), Images.sha256(shared), Images.sha256(fresh));
        List<String> missing = new ArrayList<>();
        deploy.batchCheckLayerAvailability(b -> b.repositoryName("app").layerDigests(blobs)).failures()
                .forEach(f -> missing.add(f.layerDigest()));
        for (String digest : missing) {
            String url = deploy.getDownloadUrlForLayer(g -> g.registryId(TOOLING).repositoryName("app")
                    .layerDigest(digest)).downloadUrl();
            Images.uploadLayer(deploy, "app", aws.world.download(url));
        }
        deploy.putImage(p -> p.repositoryName("app").imageManifest(source.imageManifest()).imageTag("1.0.0")
                .imageDigest(source.imageId().imageDigest()));

        assertEquals(Images.sha256(manifest), prod.describeImages(d -> d.repositoryName("app")).imageDetails().get(0)
                .imageDigest());
        assertEquals(List.of(Images.sha256(config), Images.sha256(fresh)), missing);
        assertEquals(2, aws.world.calls(AwsService.ECR, "CompleteLayerUpload").size());
        List<Layer> present = prod.batchCheckLayerAvailability(b -> b.repositoryName("app").layerDigests(blobs)).layers();
        assertEquals(3, present.size());
    }

    @Test
    void corruptImage_makesTheRepositoryAnswerWithOtherBytesUnderTheDigest() {
        String manifest = Images.push(tooling, "app", "1.0.0", Images.blob("c1"), Images.blob("l1"));
        String other = Images.manifest(Images.blob("c2"), Images.blob("l2"));
        aws.world.clearCalls();

        aws.world.corruptImage(TOOLING, "app", Images.sha256(manifest), other);

        assertEquals(List.of(), aws.world.calls(), "not an ECR call, so not recorded");
        Image image = tooling.batchGetImage(b -> b.repositoryName("app").imageIds(Images.tag("1.0.0"))).images().get(0);
        assertEquals(other, image.imageManifest());
        assertEquals(Images.sha256(manifest), image.imageId().imageDigest());
    }

    @Test
    void corruptImage_ofADigestNotInTheRepository_plantsIt() {
        String other = Images.manifest(Images.blob("c2"), Images.blob("l2"));
        String digest = Images.sha256("never pushed");

        aws.world.corruptImage(PROD, "app", digest, other);

        ImageDetail detail = prod.describeImages(d -> d.repositoryName("app").imageIds(Images.digest(digest)))
                .imageDetails().get(0);
        assertEquals(List.of(), detail.imageTags());
        assertEquals((long) Images.blob("c2").length + Images.blob("l2").length, detail.imageSizeInBytes());
        assertEquals(other, prod.batchGetImage(b -> b.repositoryName("app").imageIds(Images.digest(digest)))
                .images().get(0).imageManifest());
    }

    @Test
    void corruptImage_ofAMissingRepositoryOrAMalformedDigest_isRefused() {
        String other = Images.manifest(Images.blob("c2"), Images.blob("l2"));

        assertThrows(IllegalArgumentException.class,
                () -> aws.world.corruptImage(TOOLING, "missing", Images.sha256(other), other));
        assertThrows(IllegalArgumentException.class, () -> aws.world.corruptImage(TOOLING, "app", "sha256:abc", other));
    }
}
