package dev.airlock.config;

import dev.airlock.environment.Landscape;
import dev.airlock.internal.config.Node.Location;
import dev.airlock.internal.config.Node.MapNode;
import dev.airlock.spi.Backend;
import dev.airlock.spi.BackendContext;
import dev.airlock.spi.BackendProvider;
import dev.airlock.spi.SetupDocument;
import dev.airlock.spi.SetupFinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The {@code backend:} section of a configuration file: which {@link BackendProvider} keeps artifacts
 * and the ledger ({@code type}, {@code local} by default), and its settings, kept as located data for
 * the provider to read. Core reads nothing else in the section, except to refuse credentials
 * anywhere in it: they never belong in the file.
 *
 * <pre>{@code
 * backend:
 *   type: local          # the default: directories on this machine
 *   state: .airlock      # read by the local provider; relative to the configuration file
 * }</pre>
 */
public final class BackendConfiguration {
    /** The type of a file without a {@code backend:} section. */
    public static final String DEFAULT_TYPE = "local";

    private static final BackendConfiguration DEFAULT = new BackendConfiguration(DEFAULT_TYPE,
            new ConfigSection("(default)", "backend", new MapNode(new Location(1, 1), Map.of())));

    private final String type;
    private final ConfigSection settings;

    BackendConfiguration(String type, ConfigSection settings) {
        this.type = Objects.requireNonNull(type, "type");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The local backend with its default settings, as when the file has no {@code backend:} section. */
    public static BackendConfiguration local() {
        return DEFAULT;
    }

    /** The provider's name, as written in {@code backend.type}. */
    public String type() {
        return type;
    }

    /** The whole {@code backend:} section with its positions, for the provider to read. */
    public ConfigSection settings() {
        return settings;
    }

    /**
     * The provider of {@link #type()} on the class path.
     *
     * @throws InvalidConfigurationException at {@code backend.type} when no provider, or more than one, has that
     *                                       name; the message names the types that were found
     */
    public BackendProvider provider() {
        Map<String, List<BackendProvider>> found = new TreeMap<>();
        for (BackendProvider provider : ServiceLoader.load(BackendProvider.class)) {
            found.computeIfAbsent(provider.type(), t -> new ArrayList<>()).add(provider);
        }
        List<BackendProvider> matching = found.getOrDefault(type, List.of());
        if (matching.size() == 1) {
            return matching.get(0);
        }
        String message = matching.isEmpty()
                ? "'" + type + "' is not a backend type found on the class path; found: "
                        + (found.isEmpty() ? "none" : String.join(", ", found.keySet()))
                        + " (a backend's module, such as airlock-aws for 'aws', must be on the class path)"
                : "'" + type + "' is provided by " + matching.size() + " classes on the class path ("
                        + String.join(", ", matching.stream().map(p -> p.getClass().getName()).toList())
                        + "); keep one";
        throw new InvalidConfigurationException(List.of(settings.problem("type", settings.path("type") + ": "
                + message)));
    }

    /**
     * Checks the settings without opening anything and describes the backend for people.
     *
     * @throws InvalidConfigurationException at every problem of the section
     */
    public Map<String, String> describe(Landscape landscape) {
        return provider().describe(settings, landscape);
    }

    /**
     * Opens the backend this section describes; the caller closes it.
     *
     * @throws InvalidConfigurationException at every problem of the section
     */
    public Backend open(BackendContext context) {
        return provider().open(settings, context);
    }

    /** The provider's setup documents for these settings (see {@link BackendProvider#setupDocuments}). */
    public List<SetupDocument> setupDocuments(Landscape landscape, Map<String, String> options) {
        return provider().setupDocuments(settings, landscape, options);
    }

    /** The provider's read-only check of live accounts (see {@link BackendProvider#checkSetup}). */
    public List<SetupFinding> checkSetup(BackendContext context, Map<String, String> options) {
        return provider().checkSetup(settings, context, options);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BackendConfiguration other && type.equals(other.type) && settings.equals(other.settings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, settings);
    }

    /** The type and where the section is; never its values. */
    @Override
    public String toString() {
        return "BackendConfiguration[type=" + type + ", " + settings + "]";
    }
}
