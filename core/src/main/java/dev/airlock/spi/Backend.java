package dev.airlock.spi;

import java.util.List;
import java.util.Objects;

/**
 * The ports one backend gives an engine — where artifacts are stored, how environments are opened,
 * where the ledger lives, who acts — and what closing it releases (clients, credential providers).
 * {@link BackendProvider}s open them from a configuration file's {@code backend:} section.
 */
public interface Backend extends AutoCloseable {
    ArtifactStore artifactStore();

    EnvironmentAccess environmentAccess();

    Ledger ledger();

    /**
     * Who acts on this backend, established from what it can check. A backend that cannot authenticate
     * anyone refuses everyone, with a message saying so.
     */
    default Authenticator authenticator() {
        return Authenticator.refusing(this + " authenticates no one: act through a backend that establishes who "
                + "acts, or build the engine without an authenticator");
    }

    /**
     * Listeners the backend adds to every engine built on it, such as the event publishers its
     * configuration names; none by default.
     */
    default List<PromotionListener> listeners() {
        return List.of();
    }

    /**
     * A signer for a key this backend holds remotely, named by {@code keyReference} as the keyring names
     * it (for the aws backend, a KMS key id or ARN). The key never leaves the backend; signing is a call.
     *
     * @throws UnsupportedOperationException when this backend holds no remote keys
     */
    default Signer remoteSigner(String keyReference) {
        throw new UnsupportedOperationException(this + " holds no remote signing keys; '" + keyReference
                + "' must be a key file here");
    }

    /** Releases what the backend opened; the ports must not be used afterwards. Never throws checked exceptions. */
    @Override
    void close();

    /** A backend made of these ports; {@code onClose} runs once per {@link #close()}. */
    static Backend of(ArtifactStore artifactStore, EnvironmentAccess environmentAccess, Ledger ledger,
            Runnable onClose) {
        return of(artifactStore, environmentAccess, ledger, Authenticator.refusing(
                "this backend authenticates no one (it was made without an authenticator)"), onClose);
    }

    /** A backend made of these ports, establishing who acts with {@code authenticator}. */
    static Backend of(ArtifactStore artifactStore, EnvironmentAccess environmentAccess, Ledger ledger,
            Authenticator authenticator, Runnable onClose) {
        return of(artifactStore, environmentAccess, ledger, authenticator, List.of(), onClose);
    }

    /** A backend made of these ports, adding {@code listeners} to every engine built on it. */
    static Backend of(ArtifactStore artifactStore, EnvironmentAccess environmentAccess, Ledger ledger,
            Authenticator authenticator, List<PromotionListener> listeners, Runnable onClose) {
        List<PromotionListener> added = List.copyOf(listeners);
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(artifactStore, "artifactStore");
        Objects.requireNonNull(environmentAccess, "environmentAccess");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(onClose, "onClose");
        return new Backend() {
            @Override
            public ArtifactStore artifactStore() {
                return artifactStore;
            }

            @Override
            public EnvironmentAccess environmentAccess() {
                return environmentAccess;
            }

            @Override
            public Ledger ledger() {
                return ledger;
            }

            @Override
            public Authenticator authenticator() {
                return authenticator;
            }

            @Override
            public List<PromotionListener> listeners() {
                return added;
            }

            @Override
            public void close() {
                onClose.run();
            }

            @Override
            public String toString() {
                return "Backend[" + artifactStore + ", " + environmentAccess + ", " + ledger + "]";
            }
        };
    }
}
