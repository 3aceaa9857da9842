package dev.airlock.testkit.contract;

import dev.airlock.artifact.Digest;
import dev.airlock.environment.Environment;
import dev.airlock.environment.Landscape;
import dev.airlock.local.LocalArtifactStore;
import dev.airlock.local.LocalBackend;
import dev.airlock.spi.AccessContext;
import dev.airlock.spi.AccessSession;
import dev.airlock.spi.Place;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

class LocalArtifactStoreContractTest extends ArtifactStoreContract<LocalArtifactStore> {
    @TempDir
    Path directory;

    private LocalBackend backend;

    @Override
    protected LocalArtifactStore createStore() {
        backend = LocalBackend.open(directory, landscape(), Clock.systemUTC());
        return backend.artifactStore();
    }

    @Override
    protected Landscape landscape() {
        return LocalLandscape.DEV_AND_PROD;
    }

    @Override
    protected AccessSession openSession(Environment environment, AccessContext context) {
        return backend.environmentAccess().open(environment, context);
    }

    /** Published files are read-only, but the directory's owner can still replace them, as a disk fault can. */
    @Override
    protected void corrupt(LocalArtifactStore store, Place place, Digest digest, byte[] bytes) {
        Path file = store.pathOf(place, digest);
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
