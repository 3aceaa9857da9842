package dev.airlock.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.InvalidValueException;
import dev.airlock.artifact.Digest;
import dev.airlock.environment.AccountId;
import dev.airlock.environment.Landscape;
import dev.airlock.spi.AccessContext;
import dev.airlock.spi.AccessDeniedException;
import dev.airlock.spi.AccessSession;
import dev.airlock.spi.ArtifactNotFoundException;
import dev.airlock.spi.ArtifactStore;
import dev.airlock.spi.DigestMismatchException;
import dev.airlock.spi.Place;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalArtifactStoreTest {
    private static final byte[] BYTES = "the artifact, built once".getBytes(StandardCharsets.UTF_8);
    private static final Digest DIGEST = Digest.of(BYTES);

    @TempDir
    Path directory;

    private final Landscape landscape = TestLandscapes.devAndProd();
    private final Place dev = Place.of(landscape.require("dev"));
    private final Place prod = Place.of(landscape.require("prod"));

    private LocalArtifactStore store() {
        return LocalArtifactStore.open(directory.resolve("artifacts"), AccountId.of(TestLandscapes.TOOLING));
    }

    private AccessSession session(String environment) {
        return LocalEnvironmentAccess.open(directory.resolve("access"), landscape, Clock.systemUTC())
                .open(landscape.require(environment), new AccessContext("p-1", "alice"));
    }

    @Test
    void upload_returnsDigestAndSizeAndStoresTheBytesAtTheOrigin() throws IOException {
        LocalArtifactStore store = store();

        ArtifactStore.Upload upload = store.upload(new ByteArrayInputStream(BYTES), "application/octet-stream");

        assertEquals(new ArtifactStore.Upload(DIGEST, BYTES.length), upload);
        Path stored = directory.resolve("artifacts/origin/sha256/" + DIGEST.hex());
        assertEquals(stored, store.pathOf(store.origin(), DIGEST));
        assertArrayEquals(BYTES, Files.readAllBytes(stored));
        assertTrue(store.contains(store.origin(), DIGEST, session("dev")));
    }

    @Test
    void upload_sameBytesTwice_isIdempotentAndLeavesOneFile() throws IOException {
        LocalArtifactStore store = store();
        store.upload(new ByteArrayInputStream(BYTES), "text/plain");

        ArtifactStore.Upload again = store.upload(new ByteArrayInputStream(BYTES), "text/plain");

        assertEquals(DIGEST, again.digest());
        assertEquals(List.of(store.pathOf(store.origin(), DIGEST)),
                files(directory.resolve("artifacts/origin/sha256")));
        assertEquals(List.of(), files(directory.resolve("artifacts/origin/tmp")));
    }

    @Test
    void upload_whenTheStoredCopyIsCorrupt_refusesToTrustIt() throws IOException {
        LocalArtifactStore store = store();
        store.upload(new ByteArrayInputStream(BYTES), "text/plain");
        corrupt(store.pathOf(store.origin(), DIGEST));

        DigestMismatchException e = assertThrows(DigestMismatchException.class,
                () -> store.upload(new ByteArrayInputStream(BYTES), "text/plain"));

        assertEquals(store.origin(), e.place());
    }

    @Test
    void upload_whenTheStreamFailsHalfway_leavesNoFileBehind() throws IOException {
        LocalArtifactStore store = store();
        InputStream failing = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0];
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                // Fails every read once 100 kB have gone out, so the stream can never run on.
                if (sent >= 100_000) {
                    throw new IOException("connection reset");
                }
                int n = Math.min(length, 100_000 - sent);
                java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'x');
                sent += n;
                return n;
            }
        };

        LocalStorageException e = assertThrows(LocalStorageException.class, () -> store.upload(failing, "text/plain"));

        assertTrue(e.getMessage().contains("connection reset"), e.getMessage());
        assertEquals(List.of(), files(directory.resolve("artifacts/origin/sha256")));
        assertEquals(List.of(), files(directory.resolve("artifacts/origin/tmp")));
    }

    @Test
    void storedFiles_areReadOnly() {
        LocalArtifactStore store = store();
        store.upload(new ByteArrayInputStream(BYTES), "text/plain");

        // Permission bits, not Files.isWritable: root may write anything regardless.
        assertEquals(Set.of(), writePermissions(store.pathOf(store.origin(), DIGEST)));
        assertTrue(store.isImmutable(dev));
    }

    @Test
    void transfer_copiesFromTheOriginIntoTheEnvironmentAndTheDigestVerifies() {
        LocalArtifactStore store = store();
        store.upload(new ByteArrayInputStream(BYTES), "text/plain");
        AccessSession session = session("dev");

        ArtifactStore.Transfer transfer = store.transfer(DIGEST, dev, session);

        assertEquals(new ArtifactStore.Transfer(DIGEST, BYTES.length, false), transfer);
        assertTrue(store.contains(dev, DIGEST, session));
        assertEquals(directory.resolve("artifacts/environments/dev/sha256/" + DIGEST.hex()), store.pathOf(dev, DIGEST));
        store.verify(DIGEST, dev, session);
    }

    @Test
    void transfer_whenAlreadyPresent_skipsTheBytes() {
        LocalArtifactStore store = store();
        store.upload(new ByteArrayInputStream(BYTES), "text/plain");
        AccessSession session = session("dev");
        store.transfer(DIGEST, dev, session);

        ArtifactStore.Transfer again = store.transfer(DIGEST, dev, session);

        assertEquals(new ArtifactStore.Transfer(DIGEST, 0, true), again);
    }

    @Test
    void transfer_whenPresentButCorrupt_skipsAndVerifyCatchesIt() throws IOException {
        LocalArtifactStore store = store();
        store.upload(new ByteArrayInputStream(BYTES), "text/plain");
        AccessSession session = session("dev");
        store.transfer(DIGEST, dev, session);
        corrupt(store.pathOf(dev, DIGEST));

        assertTrue(store.transfer(DIGEST, dev, session).alreadyPresent());
        DigestMismatchException e = assertThrows(DigestMismatchException.class,
                () -> store.verify(DIGEST, dev, session));

        assertEquals(DIGEST, e.expected());
        assertEquals(Digest.of(Files.readAllBytes(store.pathOf(dev, DIGEST))), e.actual());
        assertEquals(dev, e.place());
    }

    @Test
    void transfer_whenTheOriginLacksTheArtifact_isNotFoundAtTheOrigin() {
        LocalArtifactStore store = store();

        ArtifactNotFoundException e = assertThrows(ArtifactNotFoundException.class,
                () -> store.transfer(DIGEST, dev, session("dev")));

        assertEquals(store.origin(), e.place());
        assertEquals(DIGEST, e.digest());
        assertEquals(List.of(), files(directory.resolve("artifacts/environments/dev/sha256")));
    }

    @Test
    void transfer_whenTheOriginCopyIsCorrupt_failsAndCopiesNothing() throws IOException {
        LocalArtifactStore store = store();
        store.upload(new ByteArrayInputStream(BYTES), "text/plain");
        corrupt(store.pathOf(store.origin(), DIGEST));

        DigestMismatchException e = assertThrows(DigestMismatchException.class,
                () -> store.transfer(DIGEST, dev, session("dev")));

        assertEquals(store.origin(), e.place());
        assertEquals(List.of(), files(directory.resolve("artifacts/environments/dev/sha256")));
        assertEquals(List.of(), files(directory.resolve("artifacts/environments/dev/tmp")));
    }

    @Test
    void transfer_withASessionForAnotherEnvironment_isDenied() {
        LocalArtifactStore store = store();
        store.upload(new ByteArrayInputStream(BYTES), "text/plain");

        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> store.transfer(DIGEST, prod, session("dev")));

        assertEquals("a session for environment 'dev' (account 222222222222) cannot act in prod(333333333333); open"
                + " access to that environment", e.getMessage());
    }

    @Test
    void transfer_withAClosedSession_isDenied() {
        LocalArtifactStore store = store();
        store.upload(new ByteArrayInputStream(BYTES), "text/plain");
        AccessSession session = session("dev");
        session.close();

        assertThrows(AccessDeniedException.class, () -> store.transfer(DIGEST, dev, session));
    }

    @Test
    void transfer_intoTheOrigin_isRefused() {
        LocalArtifactStore store = store();

        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> store.transfer(DIGEST, store.origin(), session("dev")));

        assertEquals("target", e.field());
    }

    @Test
    void verify_whenMissing_isAMismatchWithNothingStored() {
        DigestMismatchException e = assertThrows(DigestMismatchException.class,
                () -> store().verify(DIGEST, dev, session("dev")));

        assertNull(e.actual());
    }

    @Test
    void placeNames_cannotLeaveTheStoreDirectory() {
        Place escape = new Place("../../etc", AccountId.of("222222222222"));

        assertThrows(InvalidValueException.class, () -> store().pathOf(escape, DIGEST));
    }

    private static Set<PosixFilePermission> writePermissions(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            permissions.retainAll(Set.of(PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_WRITE,
                    PosixFilePermission.OTHERS_WRITE));
            return permissions;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void corrupt(Path file) throws IOException {
        assertTrue(file.toFile().setWritable(true));
        byte[] bytes = Files.readAllBytes(file);
        bytes[0] ^= 1;
        Files.write(file, bytes);
    }

    private static List<Path> files(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
