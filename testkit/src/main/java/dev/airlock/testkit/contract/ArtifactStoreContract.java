package dev.airlock.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.AirlockException;
import dev.airlock.artifact.Digest;
import dev.airlock.environment.Environment;
import dev.airlock.environment.Landscape;
import dev.airlock.spi.AccessContext;
import dev.airlock.spi.AccessDeniedException;
import dev.airlock.spi.AccessSession;
import dev.airlock.spi.ArtifactNotFoundException;
import dev.airlock.spi.ArtifactStore;
import dev.airlock.spi.DigestMismatchException;
import dev.airlock.spi.Place;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ArtifactStore}: content-addressed uploads to the origin, presence checks,
 * transfers by digest from the origin into environments' places in their own accounts (skipping
 * what is there, never overwriting), and verification that hashes what is actually stored.
 *
 * <p>To run it against an implementation, subclass it in test sources and implement
 * {@link #createStore()}, {@link #landscape()} and {@link #openSession}. Then either implement
 * {@link #corrupt} (put other bytes where the store keeps a digest, behind its back) or override
 * {@link #corruptionUnsupportedBecause()} with the reason a test cannot. Override {@link #sample}
 * when the store accepts only some content (an image registry takes manifests), and
 * {@link #expectedBytesCopied} when a transfer exposes bytes without moving them.
 *
 * @param <S> the store implementation
 */
public abstract class ArtifactStoreContract<S extends ArtifactStore> {
    private static final int RACERS = 6;

    /** Creates a new, empty store; every call returns one that shares no artifacts with earlier ones. */
    protected abstract S createStore();

    /**
     * The landscape the store serves. Its tooling account owns the origin; the kit promotes into the
     * first two of its environments, which must be in different accounts.
     */
    protected abstract Landscape landscape();

    /** Opens access to {@code environment}, as the engine does before a transfer. The kit closes it. */
    protected abstract AccessSession openSession(Environment environment, AccessContext context);

    /**
     * Artifact content number {@code n}: different {@code n}, different bytes. The default is a few
     * kilobytes of text typed {@code application/octet-stream}.
     */
    protected Sample sample(int n) {
        StringBuilder text = new StringBuilder("artifact ").append(n).append(", built once\n");
        for (int line = 0; line < 64; line++) {
            text.append("line ").append(line).append(" of artifact ").append(n).append('\n');
        }
        return new Sample(text.toString().getBytes(StandardCharsets.UTF_8), "application/octet-stream");
    }

    /** How many bytes a first transfer of {@code upload} reports moving; by default all of them. */
    protected long expectedBytesCopied(ArtifactStore.Upload upload) {
        return upload.size();
    }

    /**
     * Makes {@code place} hold {@code bytes} where {@code store} keeps {@code digest}, replacing
     * whatever is there, without going through the store: as a disk fault or someone with write access
     * to the storage could. {@code bytes} come from {@link #sample}, so they are well-formed content
     * that merely does not hash to {@code digest}.
     *
     * <p>Implement it, or override {@link #corruptionUnsupportedBecause()}.
     */
    protected void corrupt(S store, Place place, Digest digest, byte[] bytes) {
        throw Unsupported.hookMissing("corrupt(store, place, digest, bytes)", "corruptionUnsupportedBecause()",
                "that corrupt bytes are detected and never promoted");
    }

    /**
     * Why this store's storage cannot be corrupted by a test, or empty (the default) when
     * {@link #corrupt} is implemented. The corruption cases are then reported as aborted with this reason.
     */
    protected Optional<String> corruptionUnsupportedBecause() {
        return Optional.empty();
    }

    /**
     * Content to upload and its media type.
     *
     * @param bytes     the content
     * @param mediaType its media type
     */
    public record Sample(byte[] bytes, String mediaType) {
        /** The digest the content must be stored under. */
        public Digest digest() {
            return Digest.of(bytes);
        }
    }

    @Test
    void upload_returnsTheDigestOfTheBytesAndTheirSize() {
        S store = createStore();
        Sample sample = sample(1);

        ArtifactStore.Upload upload = upload(store, sample);

        assertEquals(sample.digest(), upload.digest());
        assertEquals(sample.bytes().length, upload.size());
    }

    @Test
    void upload_ofTheSameBytesAgain_returnsTheSameDigestAndKeepsThem() {
        S store = createStore();
        Sample sample = sample(1);

        ArtifactStore.Upload first = upload(store, sample);
        ArtifactStore.Upload second = upload(store, sample);

        assertEquals(first, second);
        try (AccessSession session = open(environment())) {
            store.verify(sample.digest(), origin(), session);
        }
    }

    @Test
    void upload_concurrentlyOfTheSameBytes_givesEveryoneTheSameDigest() {
        S store = createStore();
        Sample sample = sample(1);
        List<Callable<ArtifactStore.Upload>> uploads = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            uploads.add(() -> upload(store, sample));
        }

        for (Concurrently.Outcome<ArtifactStore.Upload> outcome : Concurrently.run(uploads)) {
            assertTrue(outcome.succeeded(), () -> "a concurrent upload failed: " + outcome.failure());
            assertEquals(new ArtifactStore.Upload(sample.digest(), sample.bytes().length), outcome.value());
        }
        try (AccessSession session = open(environment())) {
            store.verify(sample.digest(), origin(), session);
        }
    }

    @Test
    void upload_refusedByItsAdmitCheck_leavesNothingAtTheOrigin() {
        S store = createStore();
        Sample sample = sample(1);
        IllegalStateException refusal = new IllegalStateException("refused: another version has this name");

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> store.upload(
                new ByteArrayInputStream(sample.bytes()), sample.mediaType(), offered -> {
                    assertEquals(sample.digest(), offered.digest());
                    throw refusal;
                }));

        assertEquals(refusal, thrown);
        try (AccessSession session = open(environment())) {
            assertFalse(store.contains(origin(), sample.digest(), session));
        }
    }

    @Test
    void contains_afterUpload_isTrueOnlyAtTheOrigin() {
        S store = createStore();
        Digest digest = upload(store, sample(1)).digest();

        try (AccessSession session = open(environment()); AccessSession other = open(otherEnvironment())) {
            assertTrue(store.contains(origin(), digest, session));
            assertFalse(store.contains(place(environment()), digest, session));
            assertFalse(store.contains(place(otherEnvironment()), digest, other));
        }
    }

    @Test
    void contains_ofADigestNeverUploaded_isFalseEverywhere() {
        S store = createStore();
        upload(store, sample(1));
        Digest unknown = sample(2).digest();

        try (AccessSession session = open(environment())) {
            assertFalse(store.contains(origin(), unknown, session));
            assertFalse(store.contains(place(environment()), unknown, session));
        }
    }

    @Test
    void transfer_putsTheBytesIntoTheEnvironmentWhereTheyVerify() {
        S store = createStore();
        ArtifactStore.Upload upload = upload(store, sample(1));
        Digest digest = upload.digest();

        try (AccessSession session = open(environment())) {
            ArtifactStore.Transfer transfer = store.transfer(digest, place(environment()), session);

            assertEquals(new ArtifactStore.Transfer(digest, expectedBytesCopied(upload), false), transfer);
            assertTrue(store.contains(place(environment()), digest, session));
            store.verify(digest, place(environment()), session);
        }
    }

    @Test
    void transfer_intoOneEnvironment_leavesTheOtherAccountUntouched() {
        S store = createStore();
        Digest digest = upload(store, sample(1)).digest();

        try (AccessSession session = open(environment()); AccessSession other = open(otherEnvironment())) {
            store.transfer(digest, place(environment()), session);

            assertFalse(store.contains(place(otherEnvironment()), digest, other));
            assertThrows(DigestMismatchException.class, () -> store.verify(digest, place(otherEnvironment()), other));
        }
    }

    @Test
    void transfer_intoEnvironmentsInTwoAccounts_givesEachItsOwnVerifiedCopy() {
        S store = createStore();
        ArtifactStore.Upload upload = upload(store, sample(1));
        Digest digest = upload.digest();

        try (AccessSession session = open(environment()); AccessSession other = open(otherEnvironment())) {
            ArtifactStore.Transfer first = store.transfer(digest, place(environment()), session);
            ArtifactStore.Transfer second = store.transfer(digest, place(otherEnvironment()), other);

            assertFalse(first.alreadyPresent());
            assertFalse(second.alreadyPresent(), "a copy in one account is not a copy in another");
            assertEquals(expectedBytesCopied(upload), second.bytesCopied());
            store.verify(digest, place(environment()), session);
            store.verify(digest, place(otherEnvironment()), other);
        }
    }

    @Test
    void transfer_again_skipsTheBytesAlreadyPresent() {
        S store = createStore();
        Digest digest = upload(store, sample(1)).digest();

        try (AccessSession session = open(environment())) {
            store.transfer(digest, place(environment()), session);
        }
        try (AccessSession retry = open(environment(), "promotion-2")) {
            ArtifactStore.Transfer again = store.transfer(digest, place(environment()), retry);

            assertEquals(new ArtifactStore.Transfer(digest, 0, true), again);
            store.verify(digest, place(environment()), retry);
        }
    }

    @Test
    void transfer_concurrentlyOfOneDigestIntoOnePlace_succeedsForEveryoneAndVerifies() {
        S store = createStore();
        Digest digest = upload(store, sample(1)).digest();
        List<AccessSession> sessions = new ArrayList<>();
        List<Callable<ArtifactStore.Transfer>> transfers = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            AccessSession session = open(environment(), "promotion-" + i);
            sessions.add(session);
            transfers.add(() -> store.transfer(digest, place(environment()), session));
        }
        try {
            List<Concurrently.Outcome<ArtifactStore.Transfer>> outcomes = Concurrently.run(transfers);

            int copied = 0;
            for (Concurrently.Outcome<ArtifactStore.Transfer> outcome : outcomes) {
                assertTrue(outcome.succeeded(), () -> "a concurrent transfer failed: " + outcome.failure());
                assertEquals(digest, outcome.value().digest());
                copied += outcome.value().alreadyPresent() ? 0 : 1;
            }
            assertTrue(copied >= 1, "every transfer reported the bytes already present, so none put them there");
            store.verify(digest, place(environment()), sessions.get(0));
        } finally {
            sessions.forEach(AccessSession::close);
        }
    }

    @Test
    void transfer_ofADigestNotAtTheOrigin_throwsNotFoundAndLeavesNothing() {
        S store = createStore();
        upload(store, sample(1));
        Digest missing = sample(2).digest();

        try (AccessSession session = open(environment())) {
            ArtifactNotFoundException notFound = assertThrows(ArtifactNotFoundException.class,
                    () -> store.transfer(missing, place(environment()), session));

            assertEquals(missing, notFound.digest());
            assertEquals(origin(), notFound.place());
            assertFalse(store.contains(place(environment()), missing, session));
        }
    }

    @Test
    void transfer_withASessionForAnotherEnvironment_isRefused() {
        S store = createStore();
        Digest digest = upload(store, sample(1)).digest();

        try (AccessSession wrong = open(otherEnvironment()); AccessSession right = open(environment())) {
            assertThrows(AirlockException.class, () -> store.transfer(digest, place(environment()), wrong));

            assertFalse(store.contains(place(environment()), digest, right));
            assertFalse(store.contains(place(otherEnvironment()), digest, wrong));
        }
    }

    @Test
    void everyOperation_withAClosedSession_isRefused() {
        S store = createStore();
        Digest digest = upload(store, sample(1)).digest();
        AccessSession closed = open(environment());
        closed.close();

        // A closed session grants nothing, as expired credentials would not.
        assertThrows(AccessDeniedException.class, () -> store.transfer(digest, place(environment()), closed));
        assertThrows(AccessDeniedException.class, () -> store.contains(place(environment()), digest, closed));
        assertThrows(AccessDeniedException.class, () -> store.contains(origin(), digest, closed));
        assertThrows(AccessDeniedException.class, () -> store.verify(digest, origin(), closed));
        try (AccessSession open = open(environment(), "promotion-2")) {
            assertFalse(store.contains(place(environment()), digest, open));
        }
    }

    @Test
    void verify_ofAnArtifactMissingFromThePlace_throwsMismatchWithNothingFound() {
        S store = createStore();
        Digest digest = upload(store, sample(1)).digest();

        try (AccessSession session = open(environment())) {
            DigestMismatchException mismatch = assertThrows(DigestMismatchException.class,
                    () -> store.verify(digest, place(environment()), session));

            assertEquals(digest, mismatch.expected());
            assertNull(mismatch.actual());
            assertEquals(place(environment()), mismatch.place());
        }
    }

    @Test
    void verify_ofCorruptBytesInTheEnvironment_throwsMismatchNamingWhatIsStored() {
        S store = corruptible();
        Digest digest = upload(store, sample(1)).digest();
        Sample other = sample(2);
        try (AccessSession session = open(environment())) {
            store.transfer(digest, place(environment()), session);
        }

        corrupt(store, place(environment()), digest, other.bytes());

        try (AccessSession session = open(environment(), "promotion-2")) {
            DigestMismatchException mismatch = assertThrows(DigestMismatchException.class,
                    () -> store.verify(digest, place(environment()), session));
            assertEquals(digest, mismatch.expected());
            assertEquals(other.digest(), mismatch.actual());
            assertEquals(place(environment()), mismatch.place());
        }
    }

    @Test
    void transfer_ofCorruptBytesAtTheOrigin_throwsMismatchAndLeavesNothingAtTheTarget() {
        S store = corruptible();
        Digest digest = upload(store, sample(1)).digest();

        corrupt(store, origin(), digest, sample(2).bytes());

        try (AccessSession session = open(environment())) {
            DigestMismatchException mismatch = assertThrows(DigestMismatchException.class,
                    () -> store.transfer(digest, place(environment()), session));
            assertEquals(digest, mismatch.expected());
            assertFalse(store.contains(place(environment()), digest, session),
                    "bytes that failed verification must not stay where the environment reads");
            assertThrows(DigestMismatchException.class, () -> store.verify(digest, origin(), session));
        }
    }

    @Test
    void transfer_whenTheTargetAlreadyHoldsOtherBytes_neverOverwritesThem() {
        S store = corruptible();
        Digest digest = upload(store, sample(1)).digest();
        Sample squatter = sample(2);
        corrupt(store, place(environment()), digest, squatter.bytes());

        try (AccessSession session = open(environment())) {
            // Skipping (verification then fails) or refusing are both safe; replacing the bytes is not.
            try {
                ArtifactStore.Transfer transfer = store.transfer(digest, place(environment()), session);
                assertTrue(transfer.alreadyPresent(), "the target holds something under the digest: " + transfer);
            } catch (AirlockException refused) {
                // Refusing is safe: whatever holds the digest's place stays there as evidence.
            }

            DigestMismatchException mismatch = assertThrows(DigestMismatchException.class,
                    () -> store.verify(digest, place(environment()), session));
            assertEquals(squatter.digest(), mismatch.actual(), "the stored bytes were replaced");
        }
    }

    /** The origin place, in the landscape's tooling account. */
    protected final Place origin() {
        return Place.origin(landscape().accounts().tooling());
    }

    /** The first environment of the landscape: where most cases promote to. */
    protected final Environment environment() {
        return landscape().environments().get(0);
    }

    /** The second environment of the landscape, in another account than {@link #environment()}. */
    protected final Environment otherEnvironment() {
        Environment other = landscape().environments().get(1);
        if (other.account().equals(environment().account())) {
            throw new IllegalStateException("the kit needs the landscape's first two environments in different "
                    + "accounts, but " + environment().name() + " and " + other.name() + " share " + other.account());
        }
        return other;
    }

    private S corruptible() {
        Unsupported.abortIfDeclared("corrupting stored bytes", "corruptionUnsupportedBecause()",
                corruptionUnsupportedBecause());
        return createStore();
    }

    private AccessSession open(Environment environment) {
        return open(environment, "promotion-1");
    }

    private AccessSession open(Environment environment, String promotionId) {
        return openSession(environment, new AccessContext(promotionId, "alice"));
    }

    private static Place place(Environment environment) {
        return Place.of(environment);
    }

    private static ArtifactStore.Upload upload(ArtifactStore store, Sample sample) {
        return store.upload(new ByteArrayInputStream(sample.bytes()), sample.mediaType());
    }
}
