package dev.airlock.spi;

import dev.airlock.InvalidValueException;
import dev.airlock.environment.Landscape;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link BackendProvider} opens a backend with, besides its section of the configuration file.
 *
 * @param landscape the accounts and environments the backend serves
 * @param clock     the backend's own time: access logs, credential expiry, circuit breakers
 * @param directory where relative paths in the section are resolved: the configuration file's directory
 * @param state     a directory for backends that keep their state on this machine, given outside the file
 *                  (the CLI's {@code --state}); a backend that keeps no local state refuses it
 * @param meterRegistry a Micrometer {@code MeterRegistry} the backend meters its own work into (on aws: every
 *                  AWS call, each account's circuit breaker), or null for none. Typed {@code Object} so that
 *                  core never depends on Micrometer; a backend that meters checks the type, one that does not
 *                  ignores it.
 */
public record BackendContext(Landscape landscape, Clock clock, Path directory, @Nullable Path state,
        @Nullable Object meterRegistry) {
    public BackendContext {
        InvalidValueException.requireNonNull("landscape", landscape);
        InvalidValueException.requireNonNull("clock", clock);
        InvalidValueException.requireNonNull("directory", directory);
    }

    /** A context that meters nothing. */
    public BackendContext(Landscape landscape, Clock clock, Path directory, @Nullable Path state) {
        this(landscape, clock, directory, state, null);
    }

    /** A context for {@code landscape} with no state directory given: the file's own settings decide. */
    public static BackendContext of(Landscape landscape, Clock clock, Path directory) {
        return new BackendContext(landscape, clock, directory, null);
    }

    /** The state directory given outside the file, if any. */
    public Optional<Path> stateOverride() {
        return Optional.ofNullable(state);
    }

    /** This context, with the backend metering into {@code meterRegistry} (a Micrometer {@code MeterRegistry}). */
    public BackendContext withMeterRegistry(Object meterRegistry) {
        return new BackendContext(landscape, clock, directory, state,
                InvalidValueException.requireNonNull("meterRegistry", meterRegistry));
    }

    /** The registry the backend should meter into, if any. */
    public Optional<Object> meters() {
        return Optional.ofNullable(meterRegistry);
    }
}
