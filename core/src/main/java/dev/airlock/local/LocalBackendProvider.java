package dev.airlock.local;

import dev.airlock.InvalidValueException;
import dev.airlock.config.ConfigProblems;
import dev.airlock.config.ConfigSection;
import dev.airlock.environment.Landscape;
import dev.airlock.spi.Authenticator;
import dev.airlock.spi.BackendContext;
import dev.airlock.spi.BackendProvider;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code backend: {type: local, state: DIR, identities: {mode: unauthenticated}}}: the {@link LocalBackend} in
 * {@code DIR}, relative to the configuration file, or {@code .airlock} beside it. A state directory given
 * outside the file wins. Nothing on one machine authenticates a person, so the backend acts only where
 * {@code identities} declares them unauthenticated (the OS user, any claimed principal accepted, every
 * entry marked); without it, commands that act are refused with a message saying what to configure.
 * Found by {@link java.util.ServiceLoader}; applications open it through the configuration.
 */
public final class LocalBackendProvider implements BackendProvider {
    /** The name written as {@code backend.type}. */
    public static final String TYPE = "local";
    /** The directory used when neither the file nor the caller names one, beside the configuration file. */
    public static final String DEFAULT_STATE = ".airlock";

    private static final Set<String> KEYS = Set.of("type", "state", "identities");
    /** The only mode the local backend has: it cannot authenticate anyone, so the file must say so. */
    public static final String UNAUTHENTICATED = "unauthenticated";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, String> describe(ConfigSection settings, Landscape landscape) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("type", TYPE);
        out.put("state", state(settings).map(Path::toString).orElse(DEFAULT_STATE + " (beside the configuration)"));
        out.put("identities", unauthenticated(settings) ? "unauthenticated (the OS user; any --as is accepted; "
                + "entries are marked unauthenticated)" : "not declared: commands that act are refused");
        return out;
    }

    @Override
    public LocalBackend open(ConfigSection settings, BackendContext context) {
        Optional<Path> written = state(settings);
        Path state = context.stateOverride()
                .orElseGet(() -> context.directory().resolve(written.orElse(Path.of(DEFAULT_STATE))));
        Authenticator authenticator = unauthenticated(settings) ? Authenticator.unauthenticatedOsUser()
                : Authenticator.refusing(LocalBackend.NOT_DECLARED);
        requireUsable(state);
        try {
            return LocalBackend.open(state, context.landscape(), context.clock(), authenticator);
        } catch (LocalStorageException e) {
            // The directory is there and writable, yet its files cannot be made: still the path the user chose.
            throw new InvalidValueException("state", state, "cannot be used as the state directory: "
                    + e.getMessage());
        }
    }

    /**
     * A state directory someone got wrong (a file, a place nothing can be created) is bad input, said in one
     * line naming the path and the reason, not a storage failure.
     */
    private static void requireUsable(Path state) {
        if (state.toString().isEmpty()) {
            throw new InvalidValueException("state", "", "is an empty path; name the state directory");
        }
        Path directory = state.toAbsolutePath().normalize(); // as the backend opens it: "config/../x" needs no config/
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new InvalidValueException("state", state, "is a file, not a directory");
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            String reason = e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof NoSuchFileException ? "nothing can be created there"
                    : e instanceof FileAlreadyExistsException ? "part of the path is a file"
                    : e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                    : e.getClass().getSimpleName();
            throw new InvalidValueException("state", state, "cannot be created as a directory (" + reason + ")");
        }
        if (!Files.isWritable(directory)) {
            throw new InvalidValueException("state", state, "is not writable");
        }
    }

    /** The state directory as written in the file; every problem of the section is thrown. */
    private static Optional<Path> state(ConfigSection settings) {
        ConfigProblems problems = new ConfigProblems();
        settings.checkKeys(Set.of(), KEYS, problems);
        Optional<Path> state = settings.value("state", LocalBackendProvider::path, problems);
        problems.throwIfAny();
        return state;
    }

    /**
     * Whether the section says {@code identities: {mode: unauthenticated}}, in those words; every other
     * value is a problem at its place.
     */
    private static boolean unauthenticated(ConfigSection settings) {
        ConfigProblems problems = new ConfigProblems();
        Optional<ConfigSection> identities = settings.section("identities", problems);
        Optional<String> mode = Optional.empty();
        if (identities.isPresent()) {
            identities.get().checkKeys(Set.of("mode"), Set.of("mode"), problems);
            mode = identities.get().value("mode", text -> {
                if (!UNAUTHENTICATED.equals(text)) {
                    throw new InvalidValueException("mode", text, "must be 'unauthenticated': the local backend "
                            + "cannot authenticate anyone, so it acts only where the file says identities are "
                            + "unauthenticated");
                }
                return text;
            }, problems);
        }
        problems.throwIfAny();
        return mode.isPresent();
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
