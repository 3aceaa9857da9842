package dev.airlock.local;

import dev.airlock.InvalidValueException;
import dev.airlock.environment.Landscape;
import dev.airlock.spi.Authenticator;
import dev.airlock.spi.Backend;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The embedded default backend under one directory, laid out as:
 * <pre>
 * root/ledger.jsonl                                the hash-chained ledger (and ledger.jsonl.lock)
 * root/artifacts/origin/sha256/&lt;hex&gt;              artifacts as built, in the tooling account
 * root/artifacts/environments/&lt;name&gt;/sha256/&lt;hex&gt; what each environment reads
 * root/access/&lt;name&gt;.log                          who opened each environment, when
 * </pre>
 * Several processes may use the same root at once; the ledger serializes them. Nothing stays open
 * between calls, so {@link #close()} has nothing to release.
 */
public final class LocalBackend implements Backend {
    private final Path root;
    private final Landscape landscape;
    private final LocalFileLedger ledger;
    private final LocalArtifactStore artifactStore;
    private final LocalEnvironmentAccess environmentAccess;
    private final Authenticator authenticator;

    private LocalBackend(Path root, Landscape landscape, Clock clock, Authenticator authenticator) {
        this.root = root;
        this.authenticator = authenticator;
        this.landscape = landscape;
        this.ledger = LocalFileLedger.open(root.resolve("ledger.jsonl"));
        this.artifactStore = LocalArtifactStore.open(root.resolve("artifacts"), landscape.accounts().tooling());
        this.environmentAccess = LocalEnvironmentAccess.open(root.resolve("access"), landscape, clock);
    }

    /**
     * The backend rooted at {@code root}, created if missing, for {@code landscape}'s environments.
     *
     * @param clock the time recorded in access logs
     * @throws LocalStorageException if the directories cannot be created
     */
    public static LocalBackend open(Path root, Landscape landscape, Clock clock) {
        return open(root, landscape, clock, Authenticator.refusing(NOT_DECLARED));
    }

    /**
     * The backend rooted at {@code root}, establishing who acts with {@code authenticator}: nothing on
     * one machine authenticates a person, so it is {@link Authenticator#unauthenticatedOsUser()} only where
     * identities are declared unauthenticated.
     */
    public static LocalBackend open(Path root, Landscape landscape, Clock clock, Authenticator authenticator) {
        InvalidValueException.requireNonNull("root", root);
        InvalidValueException.requireNonNull("landscape", landscape);
        InvalidValueException.requireNonNull("clock", clock);
        InvalidValueException.requireNonNull("authenticator", authenticator);
        return new LocalBackend(root.toAbsolutePath().normalize(), landscape, clock, authenticator);
    }

    /** Why the local backend refuses to act where identities are not declared unauthenticated. */
    static final String NOT_DECLARED = "the local backend cannot authenticate who acts: on one machine a principal "
            + "is only a name anyone can type. For a demo or a trial, declare it in the configuration file with "
            + "'backend: {type: local, identities: {mode: unauthenticated}}' (every ledger entry is then marked "
            + "unauthenticated); for real promotions use a backend that authenticates callers, such as "
            + "'backend: {type: aws}' with 'identities' mapping caller ARNs to principals";

    /** Who acts: the OS user, unauthenticated, where the configuration says so; otherwise nobody. */
    @Override
    public Authenticator authenticator() {
        return authenticator;
    }

    public Path root() {
        return root;
    }

    public Landscape landscape() {
        return landscape;
    }

    @Override
    public LocalFileLedger ledger() {
        return ledger;
    }

    @Override
    public LocalArtifactStore artifactStore() {
        return artifactStore;
    }

    @Override
    public LocalEnvironmentAccess environmentAccess() {
        return environmentAccess;
    }

    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return "LocalBackend[" + root + "]";
    }
}
