package dev.airlock.config;

import dev.airlock.environment.Landscape;
import dev.airlock.internal.config.ConfigReader;
import dev.airlock.internal.config.DocumentParser;
import dev.airlock.internal.config.LandscapeSection;
import dev.airlock.internal.config.Node;
import dev.airlock.internal.config.Node.MapNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An Airlock configuration file: the landscape (accounts, environments, pipeline) and the groups
 * of people that policies refer to. YAML or JSON; every problem is reported with its line and
 * column, all at once, as an {@link InvalidConfigurationException}.
 */
public record AirlockConfiguration(Landscape landscape, Map<String, List<String>> groups) {
    /** The configuration format version this build reads. */
    public static final int VERSION = 1;

    private static final Set<String> TOP_LEVEL_KEYS = Set.of("version", "accounts", "environments", "pipeline",
            "groups");

    public AirlockConfiguration {
        groups = Map.copyOf(groups);
    }

    /** Loads a file: {@code .json} is read as JSON, anything else as YAML. */
    public static AirlockConfiguration load(Path file) {
        return read(file.toString(), DocumentParser.parse(file));
    }

    /** Parses configuration text; {@code source} names it in problems. */
    public static AirlockConfiguration parse(String source, String text, boolean json) {
        return read(source, DocumentParser.parse(source, text, json));
    }

    private static AirlockConfiguration read(String source, Node document) {
        ConfigReader reader = new ConfigReader(source);
        MapNode root = reader.map(document, "the configuration",
                Set.of("version", "accounts", "environments", "pipeline"), TOP_LEVEL_KEYS).orElse(null);
        if (root == null) {
            reader.throwIfProblems();
        }
        ConfigReader.get(root, "version").flatMap(v -> reader.integer(v, "version")).ifPresent(version -> {
            if (version != VERSION) {
                reader.error(root.fields().get("version").value(),
                        "version: '" + version + "' is not supported; this Airlock reads version " + VERSION);
            }
        });
        Map<String, List<String>> groups = ConfigReader.get(root, "groups").map(n -> groups(n, reader)).orElse(Map.of());
        Landscape landscape = LandscapeSection.read(root, reader).orElse(null);
        reader.throwIfProblems();
        return new AirlockConfiguration(landscape, groups);
    }

    private static Map<String, List<String>> groups(Node node, ConfigReader reader) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (!(node instanceof MapNode map)) {
            reader.error(node, "groups must be a map of group name to members, got " + node.kind());
            return out;
        }
        map.fields().values().forEach(field ->
                out.put(field.key(), reader.values(field.value(), "members of group '" + field.key() + "'", s -> s)));
        return out;
    }
}
