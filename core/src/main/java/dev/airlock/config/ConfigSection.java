package dev.airlock.config;

import dev.airlock.InvalidValueException;
import dev.airlock.internal.config.ConfigReader;
import dev.airlock.internal.config.Node;
import dev.airlock.internal.config.Node.Field;
import dev.airlock.internal.config.Node.Location;
import dev.airlock.internal.config.Node.MapNode;
import dev.airlock.internal.guardrail.Durations;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A map of a configuration file kept as located data, for a module that core does not know to read
 * (the aws backend reads {@code backend.aws}). Every read reports a wrong type or a rejected value
 * as a {@link Problem} at the line and column where it was written, named by its dotted path
 * ({@code backend.aws.originBucket}), into the {@link ConfigProblems} it is given.
 *
 * <p>A section is immutable; reading it never throws for bad input.
 */
public final class ConfigSection {
    private final String source;
    private final String name;
    private final MapNode node;

    ConfigSection(String source, String name, MapNode node) {
        this.source = source;
        this.name = name;
        this.node = node;
    }

    /** The file (or source name) the section was read from. */
    public String source() {
        return source;
    }

    /** The section's dotted path in the file, such as {@code backend.aws}. */
    public String name() {
        return name;
    }

    /** The dotted path of one of its keys, as problems name it. */
    public String path(String key) {
        return name + "." + key;
    }

    /** The keys written in the section, in file order. */
    public Set<String> keys() {
        return new LinkedHashSet<>(node.fields().keySet());
    }

    public boolean has(String key) {
        return node.fields().containsKey(key);
    }

    /** A problem located at the section itself. */
    public Problem problem(String message) {
        return at(node.location(), message);
    }

    /** A problem located at {@code key}'s value, or at the section when the key is absent. */
    public Problem problem(String key, String message) {
        Field field = node.fields().get(key);
        return at(field == null ? node.location() : field.value().location(), message);
    }

    /** A problem located at {@code key} itself (where the key was written, not its value). */
    public Problem keyProblem(String key, String message) {
        Field field = node.fields().get(key);
        return at(field == null ? node.location() : field.keyLocation(), message);
    }

    /** Reports each key not in {@code allowed} and each key of {@code required} that is missing. */
    public void checkKeys(Set<String> required, Set<String> allowed, ConfigProblems problems) {
        read(problems, reader -> reader.map(node, name, required, allowed));
    }

    /** The text (or number, as written) of {@code key}; empty when absent or not text. */
    public Optional<String> text(String key, ConfigProblems problems) {
        return node(key).flatMap(value -> read(problems, reader -> reader.text(value, path(key))));
    }

    public Optional<Boolean> bool(String key, ConfigProblems problems) {
        return node(key).flatMap(value -> read(problems, reader -> reader.bool(value, path(key))));
    }

    public Optional<Long> integer(String key, ConfigProblems problems) {
        return node(key).flatMap(value -> read(problems, reader -> reader.integer(value, path(key))));
    }

    /** A duration written as {@code 90s}, {@code 15m}, {@code 1h}, {@code 1d12h} or ISO-8601 {@code PT1H}. */
    public Optional<Duration> duration(String key, ConfigProblems problems) {
        return value(key, text -> Durations.parse(path(key), text), problems);
    }

    /**
     * The text of {@code key} converted by {@code parser}. An {@link InvalidValueException} from the
     * parser becomes a problem at the value naming {@link #path(String) the key's path}, the value the
     * exception shows (parsers that must not echo a value hide it there) and the rule.
     */
    public <T> Optional<T> value(String key, Function<String, T> parser, ConfigProblems problems) {
        Optional<String> text = text(key, problems);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(text.get()));
        } catch (InvalidValueException e) {
            problems.add(problem(key, path(key) + ": '" + e.value() + "' " + e.rule()));
            return Optional.empty();
        }
    }

    /** The map under {@code key} as a section of its own; empty when absent or not a map. */
    public Optional<ConfigSection> section(String key, ConfigProblems problems) {
        Optional<Node> value = node(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get() instanceof MapNode map) {
            return Optional.of(new ConfigSection(source, path(key), map));
        }
        problems.add(problem(key, path(key) + " must be a map, got " + value.get().kind()));
        return Optional.empty();
    }

    private Optional<Node> node(String key) {
        Field field = node.fields().get(key);
        return field == null ? Optional.empty() : Optional.of(field.value());
    }

    private <T> T read(ConfigProblems problems, Function<ConfigReader, T> read) {
        ConfigReader reader = new ConfigReader(source);
        T result = read.apply(reader);
        reader.problems().forEach(problems::add);
        return result;
    }

    private Problem at(Location location, String message) {
        return new Problem(source, location.line(), location.column(), message);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigSection other && source.equals(other.source) && name.equals(other.name)
                && node.equals(other.node);
    }

    @Override
    public int hashCode() {
        return node.hashCode();
    }

    /** Names the section and where it is; never its values, which may be meant to stay unseen. */
    @Override
    public String toString() {
        return "ConfigSection[" + name + " at " + source + ":" + node.location().line() + ":"
                + node.location().column() + ", keys=" + node.fields().keySet() + "]";
    }
}
