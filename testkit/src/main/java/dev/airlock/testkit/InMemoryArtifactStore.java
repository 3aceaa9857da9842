package dev.airlock.testkit;

import dev.airlock.InvalidValueException;
import dev.airlock.artifact.Digest;
import dev.airlock.environment.AccountId;
import dev.airlock.environment.Environment;
import dev.airlock.spi.AccessDeniedException;
import dev.airlock.spi.AccessSession;
import dev.airlock.spi.ArtifactNotFoundException;
import dev.airlock.spi.ArtifactStore;
import dev.airlock.spi.DigestMismatchException;
import dev.airlock.spi.Place;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Content-addressed storage in memory, one store per place: the origin in the tooling account and
 * each environment's place in that environment's account. It keeps the rules of the real stores:
 * bytes are never overwritten; a transfer copies by digest from the origin and skips bytes already
 * present; {@link #verify} re-hashes what is stored. An environment's place can only be used with an
 * open {@link InMemoryAccessSession} for that environment, as its account would only accept its own
 * deploy role; the origin can be read from any environment's session.
 *
 * <p>Every port call goes through {@link Faults} and is recorded in the {@link CallLog}.
 * Thread-safe.
 */
public final class InMemoryArtifactStore implements ArtifactStore {
    private final Place origin;
    private final String uploader;
    private final Faults faults;
    private final CallLog calls;
    private final Clock clock;
    private final Map<Place, Map<Digest, byte[]>> places = new ConcurrentHashMap<>();
    private final Set<String> mutable = ConcurrentHashMap.newKeySet();

    private InMemoryArtifactStore(Place origin, String uploader, Faults faults, CallLog calls, Clock clock) {
        this.origin = origin;
        this.uploader = uploader;
        this.faults = faults;
        this.calls = calls;
        this.clock = clock;
    }

    /**
     * A store whose origin is in {@code tooling}; uploads are made by {@code uploader} (the build's
     * identity, as call records show it).
     */
    public static InMemoryArtifactStore create(AccountId tooling, String uploader, Faults faults, CallLog calls,
            Clock clock) {
        InvalidValueException.requireNonNull("tooling", tooling);
        InvalidValueException.requireNonNull("uploader", uploader);
        InvalidValueException.requireNonNull("faults", faults);
        InvalidValueException.requireNonNull("calls", calls);
        InvalidValueException.requireNonNull("clock", clock);
        return new InMemoryArtifactStore(Place.origin(tooling), uploader, faults, calls, clock);
    }

    /** Where uploads go. */
    public Place origin() {
        return origin;
    }

    @Override
    public Upload upload(InputStream content, String mediaType) {
        return upload(content, mediaType, upload -> { });
    }

    /** {@inheritDoc} Here refused bytes are never stored. */
    @Override
    public Upload upload(InputStream content, String mediaType, Consumer<Upload> admit) {
        InvalidValueException.requireNonNull("content", content);
        InvalidValueException.requireNonNull("mediaType", mediaType);
        InvalidValueException.requireNonNull("admit", admit);
        Call call = new Call(Operation.UPLOAD, origin, uploader, null);
        return call.run(() -> {
            faults.beforeCall(Operation.UPLOAD, null, origin.account(), uploader);
            byte[] bytes = readAll(content);
            Digest digest = Digest.of(bytes);
            call.digest = digest;
            admit.accept(new Upload(digest, bytes.length));
            byte[] existing = bytesAt(origin).putIfAbsent(digest, bytes);
            if (existing != null) {
                // The same bytes again are a no-op, but never on top of a damaged copy.
                requireIntact(digest, origin, existing);
            }
            return new Upload(digest, bytes.length);
        });
    }

    @Override
    public boolean contains(Place place, Digest digest, AccessSession session) {
        InvalidValueException.requireNonNull("digest", digest);
        Call call = call(Operation.CONTAINS, place, session, digest);
        return call.run(() -> {
            requireAccess(place, session);
            faults.beforeCall(Operation.CONTAINS, environmentOf(place), place.account(), call.caller);
            return bytesAt(place).containsKey(digest);
        });
    }

    @Override
    public Transfer transfer(Digest digest, Place target, AccessSession session) {
        InvalidValueException.requireNonNull("digest", digest);
        Call call = call(Operation.TRANSFER, target, session, digest);
        return call.run(() -> {
            if (target.isOrigin()) {
                throw new InvalidValueException("target", target, "must be an environment's place, not the origin");
            }
            requireAccess(target, session);
            boolean corrupt = faults.beforeCall(Operation.TRANSFER, target.name(), target.account(), call.caller);
            Map<Digest, byte[]> destination = bytesAt(target);
            if (destination.containsKey(digest)) {
                return new Transfer(digest, 0, true);
            }
            byte[] source = bytesAt(origin).get(digest);
            if (source == null) {
                throw new ArtifactNotFoundException(digest, origin);
            }
            // Hash what is read, as a real copy does: damaged bytes at the origin never reach an environment.
            requireIntact(digest, origin, source);
            byte[] copy = source.clone();
            if (corrupt) {
                flipOneByte(copy);
            }
            return destination.putIfAbsent(digest, copy) == null ? new Transfer(digest, copy.length, false)
                    : new Transfer(digest, 0, true);
        });
    }

    @Override
    public void verify(Digest digest, Place place, AccessSession session) {
        InvalidValueException.requireNonNull("digest", digest);
        Call call = call(Operation.VERIFY, place, session, digest);
        call.run(() -> {
            requireAccess(place, session);
            faults.beforeCall(Operation.VERIFY, environmentOf(place), place.account(), call.caller);
            byte[] stored = bytesAt(place).get(digest);
            if (stored == null) {
                throw new DigestMismatchException(digest, null, place);
            }
            requireIntact(digest, place, stored);
            return null;
        });
    }

    /** True unless {@link #allowOverwrites} was called for the place's environment. */
    @Override
    public boolean isImmutable(Place place) {
        InvalidValueException.requireNonNull("place", place);
        return !mutable.contains(place.name());
    }

    /**
     * Makes {@code environment}'s repository report that tags can be overwritten, to test the
     * {@code immutable-repository} guardrail. Bytes are still never overwritten.
     */
    public void allowOverwrites(String environment) {
        mutable.add(Environment.validateName(environment));
    }

    /** Whether {@code place} holds bytes under {@code digest}, intact or not; needs no session. */
    public boolean holds(Place place, Digest digest) {
        InvalidValueException.requireNonNull("digest", digest);
        return bytesAt(place).containsKey(digest);
    }

    /** A copy of the bytes {@code place} holds under {@code digest}; needs no session. */
    public Optional<byte[]> bytes(Place place, Digest digest) {
        InvalidValueException.requireNonNull("digest", digest);
        byte[] stored = bytesAt(place).get(digest);
        return stored == null ? Optional.empty() : Optional.of(stored.clone());
    }

    /** The digests {@code place} holds. */
    public Set<Digest> digests(Place place) {
        return Set.copyOf(bytesAt(place).keySet());
    }

    /**
     * Flips one stored byte behind the store's back, as bit rot or tampering in the account would,
     * to test that verification catches it.
     *
     * @throws ArtifactNotFoundException if {@code place} does not hold {@code digest}
     */
    public void corrupt(Place place, Digest digest) {
        InvalidValueException.requireNonNull("digest", digest);
        byte[] stored = bytesAt(place).get(digest);
        if (stored == null) {
            throw new ArtifactNotFoundException(digest, place);
        }
        byte[] damaged = stored.clone();
        flipOneByte(damaged);
        bytesAt(place).put(digest, damaged);
    }

    /**
     * Puts {@code bytes} where {@code place} keeps {@code digest}, replacing whatever is there,
     * behind the store's back: a squatter or a disk fault, to test that verification catches it.
     */
    public void corrupt(Place place, Digest digest, byte[] bytes) {
        InvalidValueException.requireNonNull("digest", digest);
        InvalidValueException.requireNonNull("bytes", bytes);
        bytesAt(place).put(digest, bytes.clone());
    }

    private Map<Digest, byte[]> bytesAt(Place place) {
        InvalidValueException.requireNonNull("place", place);
        if (place.isOrigin() && !place.equals(origin)) {
            throw new InvalidValueException("place", place, "must be this store's origin " + origin
                    + " or an environment's place");
        }
        return places.computeIfAbsent(place, p -> new ConcurrentHashMap<>());
    }

    private static void requireIntact(Digest digest, Place place, byte[] stored) {
        Digest actual = Digest.of(stored);
        if (!actual.equals(digest)) {
            throw new DigestMismatchException(digest, actual, place);
        }
    }

    private static void flipOneByte(byte[] bytes) {
        if (bytes.length > 0) {
            bytes[bytes.length / 2] ^= 0x01;
        }
    }

    /** Only an open session for the place's own environment may act there; anyone may read the origin. */
    private static void requireAccess(Place place, AccessSession session) {
        InvalidValueException.requireNonNull("place", place);
        InMemoryAccessSession own = session.unwrap(InMemoryAccessSession.class).orElseThrow(() ->
                new AccessDeniedException("the in-memory store only accepts sessions of the in-memory environment "
                        + "access, not " + session.getClass().getName()));
        own.requireOpen();
        if (place.isOrigin()) {
            return;
        }
        Environment environment = own.environment();
        if (!environment.name().equals(place.name()) || !environment.account().equals(place.account())) {
            throw new AccessDeniedException("User: " + own.assumedRoleArn() + " is not authorized to act in "
                    + place + ": a session for environment '" + environment.name() + "' (account "
                    + environment.account() + ") only reaches its own account");
        }
    }

    private static @Nullable String environmentOf(Place place) {
        return place.isOrigin() ? null : place.name();
    }

    private static byte[] readAll(InputStream content) {
        try (content) {
            return content.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the content to upload", e);
        }
    }

    private Call call(Operation operation, Place place, AccessSession session, Digest digest) {
        InvalidValueException.requireNonNull("session", session);
        String caller = session.unwrap(InMemoryAccessSession.class).map(InMemoryAccessSession::assumedRoleArn)
                .orElse(session.getClass().getName());
        Call call = new Call(operation, place, caller, session.context().principal());
        call.promotionId = session.context().promotionId();
        call.digest = digest;
        return call;
    }

    /** What a call record needs, filled in as the call proceeds. */
    private final class Call {
        final Operation operation;
        final @Nullable Place place;
        final String caller;
        final @Nullable String principal;
        @Nullable Digest digest;
        @Nullable String promotionId;
        @Nullable RuntimeException failure;

        Call(Operation operation, @Nullable Place place, String caller, @Nullable String principal) {
            this.operation = operation;
            this.place = place;
            this.caller = caller;
            this.principal = principal;
        }

        /** Runs the call's body and records it, with its failure if it throws. */
        <T> T run(Supplier<T> body) {
            try {
                return body.get();
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            } finally {
                record();
            }
        }

        private void record() {
            Place where = place == null ? origin : place;
            calls.add(new CallRecord(clock.instant(), operation, where.account(), environmentOf(where), caller,
                    principal, digest, promotionId,
                    failure == null ? null : failure.getClass().getSimpleName() + ": " + failure.getMessage()));
        }
    }

    @Override
    public String toString() {
        return "InMemoryArtifactStore[origin " + origin + ", " + places.size() + " places]";
    }
}
