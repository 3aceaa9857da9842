package dev.airlock.aws;

import static dev.airlock.aws.MotoAws.ORIGIN_REPOSITORY;
import static dev.airlock.aws.MotoAws.PROD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.airlock.artifact.Digest;
import dev.airlock.aws.internal.ImageManifest;
import dev.airlock.environment.Environment;
import dev.airlock.ledger.EntryType;
import dev.airlock.ledger.LedgerChain;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.spi.AccessContext;
import dev.airlock.spi.ArtifactStore;
import dev.airlock.spi.Place;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A promotion dev → staging → prod through the ports (access, transfer, verify, ledger) across
 * four moto accounts, then checked independently with the AWS CLI and the prod role's credentials.
 */
class PromotionFlowTest {
    private static final byte[] JAR = Images.blob(300_000, 11);
    private static final String MANIFEST = Images.manifest(Images.blob(90, 12), Images.blob(4096, 13));

    private final MotoAws aws = new MotoAws().withStorage();

    @TempDir
    Path temp;

    @AfterEach
    void close() {
        aws.close();
    }

    @Test
    void artifactPromotedDevStagingProd_isInTheProdAccountWithTheSameDigest() throws IOException {
        AwsBackend backend = aws.backend(aws.settings().build());
        S3ArtifactStore files = backend.s3Store();
        EcrArtifactStore images = backend.ecrStore();
        S3Ledger ledger = backend.ledger();

        Digest jar = files.upload(new ByteArrayInputStream(JAR), "application/java-archive").digest();
        Digest image = images.upload(new ByteArrayInputStream(MANIFEST.getBytes(StandardCharsets.UTF_8)),
                ImageManifest.OCI_MANIFEST).digest();
        LedgerEntry last = append(ledger, null, EntryType.REGISTERED, null, jar, null);

        String previous = null;
        for (String stage : List.of("dev", "staging", "prod")) {
            Environment environment = aws.env(stage);
            String promotion = "rel-1.4.2-" + stage;
            try (AwsAccessSession session = backend.environmentAccess().open(environment,
                    new AccessContext(promotion, "alice@example.com"))) {
                Place target = Place.of(environment);
                if (previous != null) {
                    try (AwsAccessSession check = openFor(backend, previous)) {
                        assertTrue(files.contains(Place.of(aws.env(previous)), jar, check),
                                "promoted only from where it was verified");
                    }
                }
                ArtifactStore.Transfer copied = files.transfer(jar, target, session);
                images.transfer(image, target, session);
                files.verify(jar, target, session);
                images.verify(image, target, session);

                assertEquals(JAR.length, copied.bytesCopied());
                last = append(ledger, last, EntryType.PROMOTED, stage, jar, promotion);
            }
            previous = stage;
        }

        // Independent checks: the AWS CLI, with the prod deploy role's own credentials.
        AwsCli prod = new AwsCli(aws.server.endpoint(), aws.assume("arn:aws:iam::444444444444:role/airlock-deploy"));
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
        AwsCli tooling = new AwsCli(aws.server.endpoint(), aws.assume("arn:aws:iam::111111111111:role/ci"));
        JsonNode fetched = tooling.json("ecr", "batch-get-image", "--repository-name", ORIGIN_REPOSITORY,
                "--image-ids", "imageTag=" + EcrArtifactStore.tagFor("prod", image));
        String manifest = fetched.get("images").get(0).get("imageManifest").asText();
        assertEquals(image, Digest.of(manifest.getBytes(StandardCharsets.UTF_8)));

        List<LedgerEntry> entries = aws.backend(aws.settings().build()).ledger().read(1);
        assertEquals(4, entries.size());
        assertEquals(List.of("dev", "staging", "prod"), entries.stream().skip(1).map(LedgerEntry::environment).toList());
    }

    private AwsAccessSession openFor(AwsBackend backend, String stage) {
        return backend.environmentAccess().open(aws.env(stage), new AccessContext("check-" + stage, "alice@example.com"));
    }

    private static LedgerEntry append(S3Ledger ledger, LedgerEntry previous, EntryType type, String environment,
            Digest digest, String promotion) {
        LedgerEntry entry = LedgerChain.next(previous, new LedgerEntry.Draft(type, "alice@example.com", environment,
                digest, promotion, Map.of()), java.time.Instant.now());
        ledger.append(entry);
        return entry;
    }
}
