package dev.airlock.internal.config;

import dev.airlock.InvalidValueException;
import dev.airlock.config.InvalidConfigurationException;
import dev.airlock.config.Problem;
import dev.airlock.internal.config.Node.Field;
import dev.airlock.internal.config.Node.ListNode;
import dev.airlock.internal.config.Node.Location;
import dev.airlock.internal.config.Node.MapNode;
import dev.airlock.internal.config.Node.ScalarNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads located nodes into domain values while collecting every problem instead of stopping at the
 * first, so a user fixes a file in one pass. Methods return empty (or null) for a node that was
 * wrong and has been reported; callers carry on with what they have.
 */
public final class ConfigReader {
    private final String source;
    private final List<Problem> problems = new ArrayList<>();

    public ConfigReader(String source) {
        this.source = source;
    }

    public String source() {
        return source;
    }

    public void error(Location at, String message) {
        problems.add(new Problem(source, at.line(), at.column(), message));
    }

    public void error(Node at, String message) {
        error(at.location(), message);
    }

    /** Adds a problem found while reading another document (a file this one names). */
    public void add(Problem problem) {
        problems.add(problem);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** Throws every collected problem at once, if there are any. */
    public void throwIfProblems() {
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
    }

    /**
     * The node as a map whose keys are all in {@code allowed} and which has every key in
     * {@code required}; reports a wrong type, each unknown key and each missing key.
     */
    public Optional<MapNode> map(Node node, String what, Set<String> required, Set<String> allowed) {
        if (!(node instanceof MapNode map)) {
            error(node, what + " must be a map, got " + node.kind());
            return Optional.empty();
        }
        for (Field field : map.fields().values()) {
            if (!allowed.contains(field.key())) {
                error(field.keyLocation(), "unknown key '" + field.key() + "' in " + what + "; allowed keys: "
                        + String.join(", ", new TreeSet<>(allowed)));
            }
        }
        // Sorted, because Set.of iterates in a per-JVM random order and reports must be reproducible.
        for (String key : new TreeSet<>(required)) {
            if (!map.fields().containsKey(key)) {
                error(map, what + " is missing required key '" + key + "'");
            }
        }
        return Optional.of(map);
    }

    /** The node as a list, or the single scalar wrapped in a list when {@code scalarAllowed}. */
    public List<Node> list(Node node, String what, boolean scalarAllowed) {
        if (node instanceof ListNode list) {
            return list.items();
        }
        if (scalarAllowed && node instanceof ScalarNode scalar && scalar.type() != ScalarNode.Type.NULL) {
            return List.of(node);
        }
        error(node, what + " must be a list, got " + node.kind());
        return List.of();
    }

    /** The text of a scalar (text or number); reports maps, lists, booleans and nulls. */
    public Optional<String> text(Node node, String what) {
        if (node instanceof ScalarNode scalar
                && (scalar.type() == ScalarNode.Type.TEXT || scalar.type() == ScalarNode.Type.NUMBER)) {
            return Optional.of(scalar.text());
        }
        error(node, what + " must be text, got " + node.kind());
        return Optional.empty();
    }

    /** A boolean scalar. */
    public Optional<Boolean> bool(Node node, String what) {
        if (node instanceof ScalarNode scalar && scalar.type() == ScalarNode.Type.BOOLEAN) {
            return Optional.of(Boolean.parseBoolean(scalar.text()));
        }
        error(node, what + " must be true or false, got " + node.kind());
        return Optional.empty();
    }

    /** A whole number scalar. */
    public Optional<Long> integer(Node node, String what) {
        if (node instanceof ScalarNode scalar && scalar.type() == ScalarNode.Type.NUMBER) {
            try {
                return Optional.of(Long.parseLong(scalar.text()));
            } catch (NumberFormatException e) {
                error(node, what + ": '" + scalar.text() + "' must be a whole number");
                return Optional.empty();
            }
        }
        error(node, what + " must be a whole number, got " + node.kind());
        return Optional.empty();
    }

    /** Text converted by {@code parser}; an {@link InvalidValueException} becomes a located problem. */
    public <T> Optional<T> value(Node node, String what, Function<String, T> parser) {
        return text(node, what).flatMap(text -> convert(node, text, parser));
    }

    /** Converts already-read text at {@code node}'s location. */
    public <T> Optional<T> convert(Node node, String text, Function<String, T> parser) {
        try {
            return Optional.of(parser.apply(text));
        } catch (InvalidValueException e) {
            error(node, e.getMessage());
            return Optional.empty();
        }
    }

    /** Every item of a list (or single scalar) converted; bad items are reported and left out. */
    public <T> List<T> values(Node node, String what, Function<String, T> parser) {
        List<T> out = new ArrayList<>();
        for (Node item : list(node, what, true)) {
            value(item, what, parser).ifPresent(out::add);
        }
        return out;
    }

    /** A map of text to text, such as labels. */
    public Map<String, String> textMap(Node node, String what) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!(node instanceof MapNode map)) {
            error(node, what + " must be a map, got " + node.kind());
            return out;
        }
        for (Field field : map.fields().values()) {
            text(field.value(), what + " '" + field.key() + "'").ifPresent(v -> out.put(field.key(), v));
        }
        return out;
    }

    /** The value of {@code key}, if present. */
    public static Optional<Node> get(MapNode map, String key) {
        Field field = map.fields().get(key);
        return field == null ? Optional.empty() : Optional.of(field.value());
    }
}
