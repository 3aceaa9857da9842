package dev.airlock.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.environment.Landscape;
import dev.airlock.ledger.EntryType;
import dev.airlock.ledger.LedgerChain;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.spi.AccessContext;
import dev.airlock.spi.AccessSession;
import dev.airlock.spi.ArtifactStore;
import dev.airlock.spi.Place;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBackendTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    @TempDir
    Path root;

    @Test
    void portsWorkTogetherUnderTheConventionalLayout() {
        Landscape landscape = TestLandscapes.devAndProd();
        LocalBackend backend = LocalBackend.open(root, landscape, Clock.fixed(NOW, ZoneOffset.UTC));

        ArtifactStore.Upload upload = backend.artifactStore().upload(
                new ByteArrayInputStream("app".getBytes(StandardCharsets.UTF_8)), "text/plain");
        try (AccessSession session = backend.environmentAccess().open(landscape.require("dev"),
                new AccessContext("p-1", "alice"))) {
            backend.artifactStore().transfer(upload.digest(), Place.of(landscape.require("dev")), session);
            backend.artifactStore().verify(upload.digest(), Place.of(landscape.require("dev")), session);
        }
        LedgerEntry promoted = LedgerChain.next(null, new LedgerEntry.Draft(EntryType.PROMOTED, "alice", "dev",
                upload.digest(), "p-1", Map.of()), NOW);
        backend.ledger().append(promoted);

        assertEquals(root.resolve("ledger.jsonl"), backend.ledger().file());
        assertTrue(Files.isRegularFile(root.resolve("artifacts/origin/sha256/" + upload.digest().hex())));
        assertTrue(Files.isRegularFile(root.resolve("artifacts/environments/dev/sha256/" + upload.digest().hex())));
        assertTrue(Files.isRegularFile(root.resolve("access/dev.log")));
        LocalBackend reopened = LocalBackend.open(root, landscape, Clock.systemUTC());
        assertEquals(java.util.List.of(promoted), reopened.ledger().read(1));
        assertEquals(2, reopened.environmentAccess().log("dev").size());
    }
}
