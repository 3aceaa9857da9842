package dev.airlock.testkit.contract;

import dev.airlock.artifact.Digest;
import dev.airlock.environment.Environment;
import dev.airlock.environment.Landscape;
import dev.airlock.spi.AccessContext;
import dev.airlock.spi.AccessSession;
import dev.airlock.spi.Place;
import dev.airlock.testkit.InMemoryArtifactStore;
import dev.airlock.testkit.TestWorld;

/** The testkit's in-memory store keeps the same contract as the local and AWS stores. */
class InMemoryArtifactStoreContractTest extends ArtifactStoreContract<InMemoryArtifactStore> {
    private TestWorld world;

    @Override
    protected InMemoryArtifactStore createStore() {
        world = TestWorld.builder().landscape(LocalLandscape.DEV_AND_PROD).build();
        return world.store();
    }

    @Override
    protected Landscape landscape() {
        return LocalLandscape.DEV_AND_PROD;
    }

    @Override
    protected AccessSession openSession(Environment environment, AccessContext context) {
        return world.access().open(environment, context);
    }

    @Override
    protected void corrupt(InMemoryArtifactStore store, Place place, Digest digest, byte[] bytes) {
        store.corrupt(place, digest, bytes);
    }
}
