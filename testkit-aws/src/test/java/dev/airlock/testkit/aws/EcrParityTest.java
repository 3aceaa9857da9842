package dev.airlock.testkit.aws;

import static dev.airlock.testkit.aws.TestLandscape.REGION;
import static dev.airlock.testkit.aws.TestLandscape.STAGING;
import static dev.airlock.testkit.aws.TestLandscape.TOOLING;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;

/**
 * The ECR behaviours the fake shares with moto_server, run against both. Blobs go through the layer API
 * on the fake, which requires them; moto has no layer API and does not check.
 */
abstract class EcrParityTest {
    final ParityTarget aws = target();
    final EcrClient tooling = aws.ecr(aws.account(TOOLING));

    EcrParityTest() {
        tooling.createRepository(c -> c.repositoryName("app").imageTagMutability(ImageTagMutability.IMMUTABLE));
        tooling.createRepository(c -> c.repositoryName("scratch").imageTagMutability(ImageTagMutability.MUTABLE));
    }

    abstract ParityTarget target();

    @AfterEach
    void closeClients() {
        aws.close();
    }

    @Test
    void createRepository_isDescribedWithItsTagMutability() {
        EcrContract.createRepository_isDescribedWithItsTagMutability(aws.ecr(aws.account(STAGING)), STAGING, REGION.id());
    }

    @Test
    void putImage_thenBatchGetImage_returnsTheExactManifest() {
        EcrContract.putImage_thenBatchGetImage_returnsTheExactManifest(tooling, "app", aws.blobs());
    }

    @Test
    void immutableTag_cannotMoveToAnotherImage_butAnImageMayGainTags() {
        EcrContract.immutableTag_cannotMoveToAnotherImage_butAnImageMayGainTags(tooling, "app", aws.blobs());
    }

    @Test
    void mutableTag_movesToTheNewImage() {
        EcrContract.mutableTag_movesToTheNewImage(tooling, "scratch", aws.blobs());
    }

    @Test
    void sameManifestAndTag_pushedAgain_isImageAlreadyExists() {
        EcrContract.sameManifestAndTag_pushedAgain_isImageAlreadyExists(tooling, "app", aws.blobs());
    }

    @Test
    void describeImages_reportsDigestTagsAndMediaType() {
        EcrContract.describeImages_reportsDigestTagsAndMediaType(tooling, "app", aws.blobs());
    }
}
