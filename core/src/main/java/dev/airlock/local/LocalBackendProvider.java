package dev.airlock.local;

import dev.airlock.InvalidValueException;
import dev.airlock.config.ConfigProblems;
import dev.airlock.config.ConfigSection;
import dev.airlock.environment.Landscape;
import dev.airlock.spi.BackendContext;
import dev.airlock.spi.BackendProvider;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code backend: {type: local, state: DIR}}: the {@link LocalBackend} in {@code DIR}, relative to the
 * configuration file, or {@code .airlock} beside it. A state directory given outside the file wins.
 * Found by {@link java.util.ServiceLoader}; applications open it through the configuration.
 */
public final class LocalBackendProvider implements BackendProvider {
    /** The name written as {@code backend.type}. */
    public static final String TYPE = "local";
    /** The directory used when neither the file nor the caller names one, beside the configuration file. */
    public static final String DEFAULT_STATE = ".airlock";

    private static final Set<String> KEYS = Set.of("type", "state");

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, String> describe(ConfigSection settings, Landscape landscape) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("type", TYPE);
        out.put("state", state(settings).map(Path::toString).orElse(DEFAULT_STATE + " (beside the configuration)"));
        return out;
    }

    @Override
    public LocalBackend open(ConfigSection settings, BackendContext context) {
        Optional<Path> written = state(settings);
        Path state = context.stateOverride()
                .orElseGet(() -> context.directory().resolve(written.orElse(Path.of(DEFAULT_STATE))));
        return LocalBackend.open(state, context.landscape(), context.clock());
    }

    /** The state directory as written in the file; every problem of the section is thrown. */
    private static Optional<Path> state(ConfigSection settings) {
        ConfigProblems problems = new ConfigProblems();
        settings.checkKeys(Set.of(), KEYS, problems);
        Optional<Path> state = settings.value("state", LocalBackendProvider::path, problems);
        problems.throwIfAny();
        return state;
    }

    private static Path path(String text) {
        try {
            if (!text.isBlank()) {
                return Path.of(text);
            }
        } catch (InvalidPathException e) {
            // reported below
        }
        throw new InvalidValueException("state", text, "must be a directory path");
    }

    @Override
    public String toString() {
        return "LocalBackendProvider[type=" + TYPE + "]";
    }
}
