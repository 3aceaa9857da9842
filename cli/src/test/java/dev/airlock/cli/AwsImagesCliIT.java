package dev.airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.airlock.artifact.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code artifacts: ecr} through ./airlock: an image manifest registered in the tooling account's
 * repository and promoted by digest, each environment getting its immutable tag in the central
 * registry — checked with the AWS CLI.
 */
class AwsImagesCliIT {
    private static final String MANIFEST = """
            {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",\
            "config":{"mediaType":"application/vnd.oci.image.config.v1+json","size":2,\
            "digest":"sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"},\
            "layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","size":2,\
            "digest":"sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"}]}""";

    @TempDir
    Path dir;

    MotoAccounts accounts;
    Path config;

    @BeforeEach
    void setUp() throws IOException {
        accounts = new MotoAccounts();
        accounts.bucket("999999999999", "acme-airlock-ledger");
        accounts.repository("111111111111", "payments/api");
        String sample = Files.readString(AirlockScript.ROOT.resolve("examples/config/airlock-aws.yaml"));
        String images = TimeFreeConfig.strip(sample).replace("http://127.0.0.1:5000", accounts.endpoint().toString())
                .replaceFirst("    artifacts: s3 .*\n", "    artifacts: ecr\n    originRepository: payments/api\n"
                        // moto models no cross-account ECR reads
                        + "    verifyPullAsEnvironment: false\n")
                .replaceFirst("    originBucket: .*\n", "");
        config = SampleKeys.create(Files.writeString(dir.resolve("airlock.yaml"), images));
    }

    private AirlockScript.Result ok(String as, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config", config.toString(), "--as", as));
        Map<String, String> env = new HashMap<>(MotoAccounts.environment(accounts.signedIn(as)));
        env.put("AIRLOCK_JAVA_OPTS", "-XX:TieredStopAtLevel=1");
        AirlockScript.Result result = AirlockScript.run(env, all.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.all());
        return result;
    }

    @Test
    void anImage_isPromotedByDigestWithAnImmutableTagPerEnvironment() throws IOException {
        Path manifest = Files.writeString(dir.resolve("manifest.json"), MANIFEST, StandardCharsets.UTF_8);
        Digest digest = Digest.parse(ok("ci@tooling", "register", manifest.toString(), "--kind", "container-image",
                "--media-type", "application/vnd.oci.image.manifest.v1+json", "--name", "payments-api",
                "--version", "2.0.0", "--source-repo", "github.com/acme/payments", "--revision", "abc1234")
                .out().strip());
        assertEquals(Digest.of(MANIFEST.getBytes(StandardCharsets.UTF_8)), digest, "the digest of the exact bytes");

        ok("alice", "promote", "--digest", digest.value(), "--to", "dev");
        ok("deploy-bot", "verified", "--digest", digest.value(), "--env", "dev");
        ok("alice", "promote", "--digest", digest.value(), "--to", "staging");

        JsonNode images = new AwsCommand(accounts.endpoint(), accounts.credentials("111111111111", "auditor"))
                .json("ecr", "describe-images", "--repository-name", "payments/api", "--image-ids",
                        "imageDigest=" + digest.value());
        JsonNode image = images.path("imageDetails").get(0);
        assertEquals(digest.value(), image.path("imageDigest").asText(), images.toString());
        List<String> tags = new ArrayList<>();
        image.path("imageTags").forEach(tag -> tags.add(tag.asText()));
        assertTrue(tags.containsAll(List.of("dev-" + digest.hex(), "staging-" + digest.hex())), tags.toString());
    }
}
