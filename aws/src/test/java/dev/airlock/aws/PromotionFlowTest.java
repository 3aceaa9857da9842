package dev.airlock.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A promotion dev → staging → prod through the ports (access, transfer, verify, ledger) across
 * four accounts, then checked independently of Airlock: on moto with the AWS CLI
 * ({@link PromotionFlowOnMotoTest}), in memory with the world's record of calls ({@link PromotionFlowOnFakesTest}).
 */
abstract class PromotionFlowTest {
    static final byte[] JAR = Images.blob(300_000, 11);
    static final byte[] CONFIG = Images.blob(90, 12);
    static final byte[] LAYER = Images.blob(4096, 13);
    static final String MANIFEST = Images.manifest(CONFIG, LAYER);

    final AwsTarget aws = target().withStorage();

    abstract AwsTarget target();

    /** Checks, without Airlock, that prod holds the jar's bytes and its image tag. */
    abstract void checkProdIndependently(S3ArtifactStore files, Digest jar, Digest image) throws IOException;

    @AfterEach
    void close() {
        aws.close();
    }

    @Test
    void artifactPromotedDevStagingProd_isInTheProdAccountWithTheSameDigest() throws IOException {
        AwsBackend backend = aws.backend(aws.configuration().build());
        S3ArtifactStore files = backend.s3Store();
        EcrArtifactStore images = backend.ecrStore();
        S3Ledger ledger = backend.ledger();

        Digest jar = files.upload(new ByteArrayInputStream(JAR), "application/java-archive").digest();
        aws.pushBlobs(AwsTarget.TOOLING, AwsTarget.ORIGIN_REPOSITORY, CONFIG, LAYER);
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

        checkProdIndependently(files, jar, image);

        List<LedgerEntry> entries = aws.backend(aws.configuration().build()).ledger().read(1);
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
