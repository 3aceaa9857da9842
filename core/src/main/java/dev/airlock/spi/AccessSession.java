package dev.airlock.spi;

import dev.airlock.environment.Environment;
import java.util.Optional;

/**
 * Open access to one environment. Stores use it to act in the environment's account; a backend's
 * store can {@link #unwrap} the backend's own session type (for example one holding credentials).
 */
public interface AccessSession extends AutoCloseable {

    Environment environment();

    AccessContext context();

    /** This session as a backend-specific type, if it is one. */
    default <T> Optional<T> unwrap(Class<T> type) {
        return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
    }

    /** Ends the session; never throws. */
    @Override
    void close();
}
