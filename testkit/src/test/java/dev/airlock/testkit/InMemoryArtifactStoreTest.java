package dev.airlock.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.InvalidValueException;
import dev.airlock.artifact.Digest;
import dev.airlock.environment.AccountId;
import dev.airlock.spi.AccessContext;
import dev.airlock.spi.AccessDeniedException;
import dev.airlock.spi.AccessSession;
import dev.airlock.spi.ArtifactNotFoundException;
import dev.airlock.spi.ArtifactStore;
import dev.airlock.spi.DigestMismatchException;
import dev.airlock.spi.Place;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InMemoryArtifactStoreTest {
    private static final byte[] BYTES = "payments-api 1.0.0".getBytes(StandardCharsets.UTF_8);

    private final TestWorld world = TestWorld.fourStages().build();
    private final InMemoryArtifactStore store = world.store();

    private AccessSession session(String environment) {
        return world.access().open(world.landscape().require(environment), new AccessContext("p-1", "alice"));
    }

    private Digest upload() {
        return store.upload(new ByteArrayInputStream(BYTES), "application/octet-stream").digest();
    }

    @Test
    void upload_storesAtTheOriginInTheToolingAccount_underTheBytesDigest() {
        ArtifactStore.Upload upload = store.upload(new ByteArrayInputStream(BYTES), "application/octet-stream");

        assertEquals(Digest.of(BYTES), upload.digest());
        assertEquals(BYTES.length, upload.size());
        assertEquals(AccountId.of("111111111111"), store.origin().account());
        assertArrayEquals(BYTES, store.bytes(store.origin(), upload.digest()).orElseThrow());
    }

    @Test
    void upload_ofTheSameBytesAgain_isANoOpWithTheSameDigest() {
        Digest first = upload();
        assertEquals(first, upload());
        assertEquals(1, store.digests(store.origin()).size());
    }

    @Test
    void upload_onTopOfADamagedCopy_isRefused() {
        Digest digest = upload();
        store.corrupt(store.origin(), digest);
        assertThrows(DigestMismatchException.class, this::upload);
    }

    @Test
    void transfer_copiesIntoTheEnvironmentsOwnAccountOnly() {
        Digest digest = upload();
        try (AccessSession prod = session("prod")) {
            ArtifactStore.Transfer transfer = store.transfer(digest, world.place("prod"), prod);

            assertEquals(BYTES.length, transfer.bytesCopied());
            assertFalse(transfer.alreadyPresent());
            assertEquals(new Place("prod", AccountId.of("555555555555")), world.place("prod"));
            assertTrue(store.holds(world.place("prod"), digest));
            assertFalse(store.holds(world.place("staging"), digest));
        }
    }

    @Test
    void transfer_whenBytesAreAlreadyThere_copiesNothing() {
        Digest digest = upload();
        try (AccessSession dev = session("dev")) {
            store.transfer(digest, world.place("dev"), dev);
            ArtifactStore.Transfer again = store.transfer(digest, world.place("dev"), dev);

            assertEquals(0, again.bytesCopied());
            assertTrue(again.alreadyPresent());
        }
    }

    @Test
    void transfer_ofADigestTheOriginLacks_isNotFound() {
        Digest unknown = Digest.of("never uploaded".getBytes(StandardCharsets.UTF_8));
        try (AccessSession dev = session("dev")) {
            ArtifactNotFoundException e = assertThrows(ArtifactNotFoundException.class,
                    () -> store.transfer(unknown, world.place("dev"), dev));
            assertEquals(store.origin(), e.place());
        }
    }

    @Test
    void transfer_ofDamagedBytesAtTheOrigin_isAMismatch_andLeavesNothingInTheEnvironment() {
        Digest digest = upload();
        store.corrupt(store.origin(), digest, "something else".getBytes(StandardCharsets.UTF_8));
        try (AccessSession dev = session("dev")) {
            DigestMismatchException e = assertThrows(DigestMismatchException.class,
                    () -> store.transfer(digest, world.place("dev"), dev));
            assertEquals(store.origin(), e.place());
        }
        assertFalse(store.holds(world.place("dev"), digest));
    }

    @Test
    void transfer_intoTheOrigin_isRefusedNamingTheField() {
        Digest digest = upload();
        try (AccessSession dev = session("dev")) {
            InvalidValueException e = assertThrows(InvalidValueException.class,
                    () -> store.transfer(digest, store.origin(), dev));
            assertEquals("target", e.field());
        }
    }

    @Test
    void aSessionForOneEnvironment_cannotActInAnothersAccount() {
        Digest digest = upload();
        try (AccessSession dev = session("dev")) {
            AccessDeniedException e = assertThrows(AccessDeniedException.class,
                    () -> store.transfer(digest, world.place("prod"), dev));
            assertTrue(e.getMessage().startsWith("User: arn:aws:sts::222222222222:assumed-role/airlock-deploy/p-1 "
                    + "is not authorized to act in prod(555555555555)"), e.getMessage());
        }
        assertFalse(store.holds(world.place("prod"), digest));
    }

    @Test
    void aClosedSession_grantsNothing() {
        Digest digest = upload();
        AccessSession dev = session("dev");
        dev.close();
        assertThrows(AccessDeniedException.class, () -> store.transfer(digest, world.place("dev"), dev));
    }

    @Test
    void verify_reHashesTheStoredBytes() {
        Digest digest = upload();
        try (AccessSession dev = session("dev")) {
            store.transfer(digest, world.place("dev"), dev);
            store.verify(digest, world.place("dev"), dev);

            store.corrupt(world.place("dev"), digest);

            DigestMismatchException e = assertThrows(DigestMismatchException.class,
                    () -> store.verify(digest, world.place("dev"), dev));
            assertEquals(digest, e.expected());
            assertTrue(e.actual() != null && !e.actual().equals(digest));
        }
    }

    @Test
    void verify_ofMissingBytes_isAMismatchWithNothing() {
        Digest digest = upload();
        try (AccessSession dev = session("dev")) {
            DigestMismatchException e = assertThrows(DigestMismatchException.class,
                    () -> store.verify(digest, world.place("dev"), dev));
            assertEquals(null, e.actual());
        }
    }

    @Test
    void contains_answersForThePlaceOnly() {
        Digest digest = upload();
        try (AccessSession dev = session("dev")) {
            assertTrue(store.contains(store.origin(), digest, dev));
            assertFalse(store.contains(world.place("dev"), digest, dev));
        }
    }

    @Test
    void repositories_areImmutableUnlessOverwritesAreAllowed() {
        TestWorld loose = TestWorld.fourStages().overwritableRepository("prod").build();
        assertTrue(loose.store().isImmutable(loose.place("staging")));
        assertFalse(loose.store().isImmutable(loose.place("prod")));
    }

    @Test
    void everyCall_isRecordedWithItsAccountAndCaller() {
        Digest digest = upload();
        try (AccessSession prod = session("prod")) {
            store.transfer(digest, world.place("prod"), prod);
        }

        CallRecord upload = world.calls().of(Operation.UPLOAD).get(0);
        assertEquals(AccountId.of("111111111111"), upload.account());
        assertEquals("arn:aws:sts::111111111111:assumed-role/airlock-promoter/airlock", upload.caller());
        CallRecord transfer = world.calls().of(Operation.TRANSFER).get(0);
        assertEquals(AccountId.of("555555555555"), transfer.account());
        assertEquals("prod", transfer.environment());
        assertEquals("arn:aws:sts::555555555555:assumed-role/airlock-deploy/p-1", transfer.caller());
        assertEquals("alice", transfer.principal());
        assertEquals(digest, transfer.digest());
        assertFalse(transfer.failed());
    }
}
