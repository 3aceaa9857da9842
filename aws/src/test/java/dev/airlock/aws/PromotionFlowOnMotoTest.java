package dev.airlock.aws;

import static dev.airlock.aws.AwsTarget.ORIGIN_REPOSITORY;
import static dev.airlock.aws.AwsTarget.PROD;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.airlock.artifact.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link PromotionFlowTest} across four moto accounts, checked with the AWS CLI. */
class PromotionFlowOnMotoTest extends PromotionFlowTest {
    @TempDir
    Path temp;

    @Override
    AwsTarget target() {
        return new MotoAws();
    }

    @Override
    void checkProdIndependently(S3ArtifactStore files, Digest jar, Digest image) throws IOException {
        MotoAws moto = (MotoAws) aws;
        // The AWS CLI, with the prod deploy role's own credentials.
        AwsCli prod = new AwsCli(moto.server.endpoint(), moto.assume("arn:aws:iam::444444444444:role/airlock-deploy"));
        JsonNode identity = prod.json("sts", "get-caller-identity");
        assertEquals(PROD.value(), identity.get("Account").asText());
        JsonNode head = prod.json("s3api", "head-object", "--bucket", "airlock-prod", "--key", files.key(jar),
                "--expected-bucket-owner", PROD.value());
        assertEquals(JAR.length, head.get("ContentLength").asLong());
        Path downloaded = temp.resolve("prod.jar");
        prod.json("s3api", "get-object", "--bucket", "airlock-prod", "--key", files.key(jar), "--expected-bucket-owner",
                PROD.value(), downloaded.toString());
        assertEquals(jar, Digest.of(Files.readAllBytes(downloaded)), "the bytes in prod are the bytes that were built");

        // Central registry: the image stays in the tooling account, tagged for prod.
        AwsCli tooling = new AwsCli(moto.server.endpoint(), moto.assume("arn:aws:iam::111111111111:role/ci"));
        JsonNode fetched = tooling.json("ecr", "batch-get-image", "--repository-name", ORIGIN_REPOSITORY,
                "--image-ids", "imageTag=" + EcrArtifactStore.tagFor("prod", image));
        String manifest = fetched.get("images").get(0).get("imageManifest").asText();
        assertEquals(image, Digest.of(manifest.getBytes(StandardCharsets.UTF_8)));
    }
}
