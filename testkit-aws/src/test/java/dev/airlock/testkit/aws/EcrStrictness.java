package dev.airlock.testkit.aws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.testkit.aws.contract.Expect;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.BatchCheckLayerAvailabilityResponse;
import software.amazon.awssdk.services.ecr.model.InvalidLayerPartException;
import software.amazon.awssdk.services.ecr.model.LayerAvailability;
import software.amazon.awssdk.services.ecr.model.LayerFailureCode;

/**
 * ECR behaviours of AWS that moto does not reproduce (it lacks the layer APIs and does not verify
 * digests), so only the fake can be held to them.
 */
final class EcrStrictness {
    private EcrStrictness() {
    }

    static void putImage_withTheDigestOfOtherBytes_isImageDigestDoesNotMatch(EcrClient ecr, String repository) {
        Images.uploadLayer(ecr, repository, Images.blob("config"));
        Images.uploadLayer(ecr, repository, Images.blob("layer"));
        String manifest = Images.manifest(Images.blob("config"), Images.blob("layer"));
        String reformatted = manifest.replace(",", ", ");

        Expect.awsError(400, "ImageDigestDoesNotMatchException", () -> ecr.putImage(p -> p.repositoryName(repository)
                .imageManifest(reformatted).imageDigest(Images.sha256(manifest))));
        String digest = ecr.putImage(p -> p.repositoryName(repository).imageManifest(reformatted)).image().imageId()
                .imageDigest();
        assertEquals(Images.sha256(reformatted), digest);
    }

    static void putImage_referencingBlobsNotInTheRepository_isLayersNotFound(EcrClient ecr, String repository) {
        Images.uploadLayer(ecr, repository, Images.blob("config"));
        String manifest = Images.manifest(Images.blob("config"), Images.blob("never uploaded"));

        Expect.awsError(400, "LayersNotFoundException", () -> ecr.putImage(p -> p.repositoryName(repository)
                .imageManifest(manifest).imageTag("1.0.0")));
    }

    static void imageIndex_requiresItsChildManifestsFirst(EcrClient ecr, String repository) {
        String amd64 = Images.manifest(Images.blob("config-amd64"), Images.blob("layer-amd64"));
        String arm64 = Images.manifest(Images.blob("config-arm64"), Images.blob("layer-arm64"));
        String index = Images.index(List.of(amd64, arm64));
        Images.push(ecr, repository, "amd64", Images.blob("config-amd64"), Images.blob("layer-amd64"));

        Expect.awsError(400, "ReferencedImagesNotFoundException", () -> ecr.putImage(p -> p.repositoryName(repository)
                .imageManifest(index).imageTag("1.0.0").imageDigest(Images.sha256(index))));
        Images.push(ecr, repository, "arm64", Images.blob("config-arm64"), Images.blob("layer-arm64"));
        ecr.putImage(p -> p.repositoryName(repository).imageManifest(index).imageTag("1.0.0")
                .imageDigest(Images.sha256(index)));

        assertEquals(Images.OCI_INDEX, ecr.batchGetImage(b -> b.repositoryName(repository)
                .imageIds(Images.tag("1.0.0"))).images().get(0).imageManifestMediaType());
    }

    static void layerUpload_partsMustBeContiguousAndWithinTheSizeLimits(EcrClient ecr, String repository) {
        byte[] layer = Images.bytes(11 * Images.MIB);
        String upload = ecr.initiateLayerUpload(i -> i.repositoryName(repository)).uploadId();
        part(ecr, repository, upload, layer, 0, 5 * Images.MIB);

        InvalidLayerPartException gap = (InvalidLayerPartException) Expect.awsError(400, "InvalidLayerPartException",
                () -> part(ecr, repository, upload, layer, 5 * Images.MIB + 1, 10 * Images.MIB));
        assertEquals(5L * Images.MIB - 1, gap.lastValidByteReceived());
        part(ecr, repository, upload, layer, 5 * Images.MIB, 10 * Images.MIB);
        part(ecr, repository, upload, layer, 10 * Images.MIB, 11 * Images.MIB);

        String digest = ecr.completeLayerUpload(c -> c.repositoryName(repository).uploadId(upload)
                .layerDigests(Images.sha256(layer))).layerDigest();
        assertEquals(Images.sha256(layer), digest);

        String oversized = ecr.initiateLayerUpload(i -> i.repositoryName(repository)).uploadId();
        Expect.awsError(400, "InvalidLayerPartException",
                () -> part(ecr, repository, oversized, layer, 0, 10 * Images.MIB + 1));
    }

    static void layerUpload_withASmallPartBeforeTheLast_isLayerPartTooSmall(EcrClient ecr, String repository) {
        byte[] layer = Images.bytes(6 * Images.MIB);
        String upload = ecr.initiateLayerUpload(i -> i.repositoryName(repository)).uploadId();
        part(ecr, repository, upload, layer, 0, Images.MIB);
        part(ecr, repository, upload, layer, Images.MIB, 6 * Images.MIB);

        Expect.awsError(400, "LayerPartTooSmallException", () -> ecr.completeLayerUpload(c -> c.repositoryName(repository)
                .uploadId(upload).layerDigests(Images.sha256(layer))));
    }

    static void layerUpload_completion_checksDigestEmptinessAndDuplicates(EcrClient ecr, String repository) {
        byte[] layer = Images.blob("layer bytes");
        String wrong = ecr.initiateLayerUpload(i -> i.repositoryName(repository)).uploadId();
        part(ecr, repository, wrong, layer, 0, layer.length);
        Expect.awsError(400, "InvalidLayerException", () -> ecr.completeLayerUpload(c -> c.repositoryName(repository)
                .uploadId(wrong).layerDigests(Images.sha256(Images.blob("other bytes")))));

        String empty = ecr.initiateLayerUpload(i -> i.repositoryName(repository)).uploadId();
        Expect.awsError(400, "EmptyUploadException", () -> ecr.completeLayerUpload(c -> c.repositoryName(repository)
                .uploadId(empty).layerDigests(Images.sha256(layer))));

        Images.uploadLayer(ecr, repository, layer);
        Expect.awsError(400, "LayerAlreadyExistsException", () -> Images.uploadLayer(ecr, repository, layer));
        Expect.awsError(400, "UploadNotFoundException", () -> ecr.uploadLayerPart(u -> u.repositoryName(repository)
                .uploadId("no-such-upload").partFirstByte(0L).partLastByte(0L).layerPartBlob(SdkBytes.fromUtf8String("x"))));
    }

    static void batchCheckLayerAvailability_reportsPresentAndMissingLayers(EcrClient ecr, String repository) {
        byte[] present = Images.blob("present");
        Images.uploadLayer(ecr, repository, present);
        String missing = Images.sha256(Images.blob("missing"));

        BatchCheckLayerAvailabilityResponse check = ecr.batchCheckLayerAvailability(b -> b.repositoryName(repository)
                .layerDigests(Images.sha256(present), missing, "md5:nope"));

        assertEquals(LayerAvailability.AVAILABLE, check.layers().get(0).layerAvailability());
        assertEquals((long) present.length, check.layers().get(0).layerSize());
        assertEquals(missing, check.failures().get(0).layerDigest());
        assertEquals(LayerFailureCode.MISSING_LAYER_DIGEST, check.failures().get(0).failureCode());
        assertEquals(LayerFailureCode.INVALID_LAYER_DIGEST, check.failures().get(1).failureCode());
    }

    static void downloadUrl_resolvesToTheLayerBytes(EcrClient ecr, String repository, Function<String, byte[]> download) {
        byte[] layer = Images.blob("layer to download");
        Images.uploadLayer(ecr, repository, layer);

        String url = ecr.getDownloadUrlForLayer(g -> g.repositoryName(repository).layerDigest(Images.sha256(layer)))
                .downloadUrl();

        assertTrue(url.startsWith("https://"), url);
        assertArrayEquals(layer, download.apply(url));
        Expect.awsError(400, "LayersNotFoundException", () -> ecr.getDownloadUrlForLayer(g -> g.repositoryName(repository)
                .layerDigest(Images.sha256(Images.blob("absent")))));
    }

    /** {@code puller} is in another account than {@code owner}, the owner of {@code repository}. */
    static void crossAccountPull_needsTheRepositoryPolicy(EcrClient owner, EcrClient puller, String ownerAccount,
            String repository, String pullerAccount) {
        String manifest = Images.push(owner, repository, "1.0.0", Images.blob("config"),
                Images.blob("layer"));

        Expect.awsError(400, "AccessDeniedException", () -> puller.batchGetImage(b -> b.registryId(ownerAccount)
                .repositoryName(repository).imageIds(Images.tag("1.0.0"))));
        owner.setRepositoryPolicy(s -> s.repositoryName(repository).policyText("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Sid\":\"pull\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
                + pullerAccount + ":root\"},\"Action\":[\"ecr:BatchGetImage\",\"ecr:GetDownloadUrlForLayer\","
                + "\"ecr:BatchCheckLayerAvailability\"]}]}"));

        assertEquals(manifest, puller.batchGetImage(b -> b.registryId(ownerAccount).repositoryName(repository)
                .imageIds(Images.tag("1.0.0"))).images().get(0).imageManifest());
        puller.getDownloadUrlForLayer(g -> g.registryId(ownerAccount).repositoryName(repository)
                .layerDigest(Images.sha256(Images.blob("layer"))));
        Expect.awsError(400, "AccessDeniedException", () -> puller.putImage(p -> p.registryId(ownerAccount)
                .repositoryName(repository).imageManifest(manifest).imageTag("planted")));
        assertTrue(owner.getRepositoryPolicy(g -> g.repositoryName(repository)).policyText().contains("pull"));
    }

    static void repositoryPolicy_namingAnUnknownPrincipal_isInvalid(EcrClient ecr, String repository) {
        Expect.awsError(400, "RepositoryPolicyNotFoundException", () -> ecr.getRepositoryPolicy(
                g -> g.repositoryName(repository)));
        Expect.awsError(400, "InvalidParameterException", () -> ecr.setRepositoryPolicy(s -> s.repositoryName(repository)
                .policyText("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                        + "\"arn:aws:iam::333333333333:role/ghost\"},\"Action\":\"ecr:BatchGetImage\"}]}")));
    }

    private static void part(EcrClient ecr, String repository, String upload, byte[] layer, int from, int to) {
        ecr.uploadLayerPart(u -> u.repositoryName(repository).uploadId(upload).partFirstByte((long) from)
                .partLastByte((long) to - 1).layerPartBlob(SdkBytes.fromByteArray(
                        java.util.Arrays.copyOfRange(layer, from, Math.min(to, layer.length)))));
    }
}
