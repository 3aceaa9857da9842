package dev.airlock.internal.config;

import dev.airlock.InvalidValueException;
import dev.airlock.environment.Landscape;
import dev.airlock.environment.Region;
import dev.airlock.environment.Tier;
import dev.airlock.guardrail.policy.Attachment;
import dev.airlock.guardrail.policy.Condition;
import dev.airlock.guardrail.policy.Effect;
import dev.airlock.guardrail.policy.Policies;
import dev.airlock.guardrail.policy.PolicyDocument;
import dev.airlock.guardrail.policy.Rollbacks;
import dev.airlock.guardrail.policy.Rule;
import dev.airlock.guardrail.policy.Schedule;
import dev.airlock.guardrail.policy.Statement;
import dev.airlock.internal.config.Node.Field;
import dev.airlock.internal.config.Node.Location;
import dev.airlock.internal.config.Node.MapNode;
import dev.airlock.internal.config.Node.ScalarNode;
import dev.airlock.internal.guardrail.Durations;
import dev.airlock.internal.guardrail.PolicyRules;
import dev.airlock.internal.guardrail.PolicyValues;
import dev.airlock.internal.guardrail.RuleKinds;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Reads the policy part of a configuration file ({@code environmentGroups} and {@code policies}),
 * reporting every problem with its line and column: wrong shapes and types, unknown keys and kinds,
 * impossible values, and (through {@link PolicyRules}) references that do not resolve.
 */
public final class PolicySection {
    private static final Set<String> DOCUMENT_KEYS = Set.of("id", "version", "attach", "statements");
    private static final Set<String> ATTACH_KEYS = Set.of("tier", "group", "environment");
    /** The keys of every statement, whatever its kind; each kind adds its own ({@link RuleKinds}). */
    private static final Set<String> STATEMENT_KEYS = Set.of("id", "kind", "effect", "bypassable", "rollbacks", "when");
    private static final Set<String> CONDITION_KEYS = Set.of("attribute", "equals", "notEquals", "in", "glob", "before",
            "after");

    private final ConfigReader reader;
    /** Where each path {@link PolicyRules} may name was written. */
    private final Map<String, Location> locations = new HashMap<>();

    private PolicySection(ConfigReader reader) {
        this.reader = reader;
    }

    /**
     * Reads {@code environmentGroups} and {@code policies} from the root map. References are checked
     * only when {@code landscape} is known (it is null when the landscape itself had problems).
     * Empty when there were problems, all reported to {@code reader}.
     */
    public static Optional<Policies> read(MapNode root, ConfigReader reader, @Nullable Landscape landscape,
            Map<String, List<String>> peopleGroups) {
        return new PolicySection(reader).read(root, landscape, peopleGroups);
    }

    private Optional<Policies> read(MapNode root, @Nullable Landscape landscape, Map<String, List<String>> peopleGroups) {
        int before = reader.problems().size();
        Map<String, List<String>> environmentGroups = ConfigReader.get(root, "environmentGroups")
                .map(this::environmentGroups).orElse(Map.of());
        List<PolicyDocument> documents = ConfigReader.get(root, "policies").map(this::documents).orElse(List.of());
        Policies policies = new Policies(environmentGroups, documents);
        if (landscape != null) {
            for (PolicyRules.Violation violation : PolicyRules.check(landscape, policies, peopleGroups)) {
                reader.error(locate(violation.path(), root), violation.message());
            }
        }
        return reader.problems().size() > before ? Optional.empty() : Optional.of(policies);
    }

    /** The location of a path, or of its closest recorded parent. */
    private Location locate(String path, MapNode root) {
        for (String p = path; !p.isEmpty(); p = parent(p)) {
            Location at = locations.get(p);
            if (at != null) {
                return at;
            }
        }
        return root.location();
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? "" : path.substring(0, cut);
    }

    private Map<String, List<String>> environmentGroups(Node node) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (!(node instanceof MapNode map)) {
            reader.error(node, "environmentGroups must be a map of group name to environment names, got " + node.kind());
            return out;
        }
        for (Field field : map.fields().values()) {
            String path = "environmentGroups." + field.key();
            locations.put(path, field.keyLocation());
            List<String> members = new ArrayList<>();
            for (Node item : reader.list(field.value(), "environment group '" + field.key() + "'", true)) {
                Optional<String> name = reader.text(item, "environment group '" + field.key() + "' member");
                if (name.isPresent()) {
                    locations.put(path + "[" + members.size() + "]", item.location());
                    members.add(name.get());
                }
            }
            out.put(field.key(), members);
        }
        return out;
    }

    private List<PolicyDocument> documents(Node node) {
        List<PolicyDocument> out = new ArrayList<>();
        for (Node item : reader.list(node, "policies", false)) {
            String path = "policies[" + out.size() + "]";
            Optional<PolicyDocument> document = document(item, path);
            if (document.isPresent()) {
                out.add(document.get());
            } else {
                forget(path);
            }
        }
        return out;
    }

    /** Drops the locations of a failed item, whose index the next item will reuse. */
    private void forget(String path) {
        locations.keySet().removeIf(p -> p.equals(path) || p.startsWith(path + ".") || p.startsWith(path + "["));
    }

    private Optional<PolicyDocument> document(Node node, String path) {
        locations.put(path, node.location());
        Optional<MapNode> found = reader.map(node, "policy", DOCUMENT_KEYS, DOCUMENT_KEYS);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        MapNode map = found.get();
        int before = reader.problems().size();
        record(map, path);
        String id = field(map, "id", "policy id", text -> Statement.checkId("id", text)).orElse(null);
        String what = id == null ? "policy" : "policy '" + id + "'";
        String version = ConfigReader.get(map, "version").flatMap(n -> reader.text(n, what + " version")).orElse(null);
        if (version != null && version.isBlank()) {
            reader.error(map.fields().get("version").value(), what + " version must not be blank");
        }
        Attachment attach = ConfigReader.get(map, "attach").flatMap(n -> attachment(n, what)).orElse(null);
        // A bad statement is left out on its own; the document is still checked with the others.
        boolean documentFieldsWrong = reader.problems().size() > before;
        List<Statement> statements = new ArrayList<>();
        ConfigReader.get(map, "statements").ifPresent(list -> {
            for (Node item : reader.list(list, what + " statements", false)) {
                String at = path + ".statements[" + statements.size() + "]";
                Optional<Statement> statement = statement(item, at, what);
                if (statement.isPresent()) {
                    statements.add(statement.get());
                } else {
                    forget(at);
                }
            }
        });
        if (documentFieldsWrong || id == null || version == null || attach == null) {
            return Optional.empty();
        }
        return build(map, () -> new PolicyDocument(id, version, attach, statements));
    }

    private Optional<Attachment> attachment(Node node, String what) {
        String rule = what + " attach must be organization or a map with one of tier, group, environment";
        if (node instanceof ScalarNode scalar && scalar.type() == ScalarNode.Type.TEXT) {
            if (scalar.text().equals("organization")) {
                return Optional.of(Attachment.organization());
            }
            reader.error(node, rule + ", got '" + scalar.text() + "'");
            return Optional.empty();
        }
        if (!(node instanceof MapNode)) {
            reader.error(node, rule + ", got " + node.kind());
            return Optional.empty();
        }
        return reader.map(node, what + " attach", Set.of(), ATTACH_KEYS).flatMap(map -> {
            if (map.fields().size() != 1) {
                reader.error(map, rule + "; it has " + (map.fields().isEmpty() ? "none" : String.join(", ", map.fields().keySet())));
                return Optional.empty();
            }
            Field only = map.fields().values().iterator().next();
            if (!ATTACH_KEYS.contains(only.key())) {
                return Optional.empty();
            }
            return reader.value(only.value(), what + " attach " + only.key(), text -> switch (only.key()) {
                case "tier" -> Attachment.tier(Tier.parse(text));
                case "group" -> Attachment.group(text);
                default -> Attachment.environment(text);
            });
        });
    }

    private Optional<Statement> statement(Node node, String path, String document) {
        locations.put(path, node.location());
        if (!(node instanceof MapNode map)) {
            reader.error(node, "a statement of " + document + " must be a map, got " + node.kind());
            return Optional.empty();
        }
        int before = reader.problems().size();
        String name = ConfigReader.get(map, "kind").flatMap(n -> reader.text(n, "statement kind")).orElse(null);
        RuleKinds.Definition<?> kind = name == null ? null : RuleKinds.named(name).orElse(null);
        if (name != null && kind == null) {
            reader.error(map.fields().get("kind").value(), "unknown statement kind '" + name + "'; kinds: "
                    + String.join(", ", RuleKinds.names()));
        }
        String rawId = map.fields().containsKey("id") && map.fields().get("id").value() instanceof ScalarNode s ? s.text() : null;
        String what = rawId == null ? "statement" : "statement '" + rawId + "'";
        // A kind's required keys are reported as its parameters are read.
        reader.map(map, what, Set.of("id", "kind"), union(STATEMENT_KEYS, kind == null ? RuleKinds.allKeys() : kind.keys()));
        record(map, path);
        String id = field(map, "id", what + " id", text -> Statement.checkId("id", text)).orElse(null);
        Effect effect = field(map, "effect", what + " effect", Effect::parse).orElse(null);
        Boolean bypassable = bool(map, "bypassable", what).orElse(null);
        Rollbacks rollbacks = field(map, "rollbacks", what + " rollbacks", Rollbacks::parse).orElse(Rollbacks.INCLUDE);
        List<Condition> when = ConfigReader.get(map, "when").map(n -> conditions(n, what + " when")).orElse(List.of());
        Rule rule = kind == null ? null : rule(kind, map, what, effect, before);
        if (reader.problems().size() > before || id == null || rule == null) {
            return Optional.empty();
        }
        // A kind with an effect parameter took the statement's; every other kind has a fixed one.
        if (effect != null && effect != rule.effect()) {
            reader.error(map.fields().get("effect").value(), what + " effect: '" + effect.configName() + "' is not possible: a "
                    + name + " statement always has effect " + rule.effect().configName());
            return Optional.empty();
        }
        boolean bypass = bypassable != null ? bypassable : rule.bypassableByDefault();
        return build(map, () -> new Statement(id, rule, bypass, rollbacks, when));
    }

    /** The rule, unless the statement has problems so far ({@code before} counts those before it). */
    private @Nullable Rule rule(RuleKinds.Definition<?> kind, MapNode map, String what, @Nullable Effect effect,
            int before) {
        try {
            Rule rule = kind.read(new StatementParameters(map, what, effect));
            return reader.problems().size() > before ? null : rule;
        } catch (InvalidValueException e) {
            // A parameter that was reported is read as null or zero; its rejection by the rule says nothing new.
            if (reader.problems().size() == before) {
                report(map, e);
            }
            return null;
        }
    }

    /** A statement's parameters, read from its map; each problem is reported where it was written. */
    private final class StatementParameters implements RuleKinds.Parameters {
        private final MapNode map;
        private final String what;
        private final @Nullable Effect effect;

        StatementParameters(MapNode map, String what, @Nullable Effect effect) {
            this.map = map;
            this.what = what;
            this.effect = effect;
        }

        @Override
        public boolean flag(String key, boolean absent) {
            return bool(map, key, what).orElse(absent);
        }

        @Override
        public int count(String key) {
            return required(map, key, what) ? integer(map, key, what)
                    .map(n -> (int) Math.max(Integer.MIN_VALUE, Math.min(n, Integer.MAX_VALUE))).orElse(0) : 0;
        }

        @Override
        public @Nullable Duration duration(String key) {
            return required(map, key, what) ? PolicySection.this.duration(map, key, what).orElse(null) : null;
        }

        @Override
        public Duration duration(String key, Duration absent) {
            return PolicySection.this.duration(map, key, what).orElse(absent);
        }

        @Override
        public @Nullable String text(String key, @Nullable String absent) {
            return field(map, key, what + " " + key, s -> s).orElse(absent);
        }

        @Override
        public List<String> names(String key, List<String> absent) {
            return ConfigReader.get(map, key).map(node -> reader.values(node, what + " " + key, s -> s)).orElse(absent);
        }

        @Override
        public List<String> regions(String key) {
            return required(map, key, what) ? PolicySection.this.regions(map.fields().get(key).value(), what + " " + key)
                    : List.of();
        }

        @Override
        public @Nullable Schedule schedule() {
            return PolicySection.this.schedule(map, what);
        }

        @Override
        public @Nullable Effect effect() {
            return required(map, "effect", what) ? effect : null;
        }

        @Override
        public List<Condition> conditions(String key) {
            return required(map, key, what) ? PolicySection.this.conditions(map.fields().get(key).value(), what + " " + key)
                    : List.of();
        }
    }

    private @Nullable Schedule schedule(MapNode map, String what) {
        ZoneId zone = requiredField(map, "zone", what, PolicyValues::zone);
        boolean once = map.fields().containsKey("start") || map.fields().containsKey("end");
        boolean weekly = map.fields().containsKey("days") || map.fields().containsKey("from") || map.fields().containsKey("to");
        if (once && weekly) {
            reader.error(map, what + " must have either start and end (once) or days, from and to (weekly), not both");
            return null;
        }
        if (once) {
            LocalDateTime start = requiredField(map, "start", what, t -> PolicyValues.localDateTime("start", t));
            LocalDateTime end = requiredField(map, "end", what, t -> PolicyValues.localDateTime("end", t));
            return zone == null || start == null || end == null ? null
                    : build(map, () -> Schedule.between(zone, start, end)).orElse(null);
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        ConfigReader.get(map, "days").ifPresentOrElse(
                n -> reader.values(n, what + " days", PolicyValues::days).forEach(days::addAll),
                () -> days.addAll(EnumSet.allOf(DayOfWeek.class)));
        LocalTime from = requiredField(map, "from", what, t -> PolicyValues.time("from", t, false));
        LocalTime to = requiredField(map, "to", what, t -> PolicyValues.time("to", t, true));
        if (zone == null || from == null || to == null || days.isEmpty()) {
            return null;
        }
        return build(map, () -> Schedule.weekly(zone, days, from, to)).orElse(null);
    }

    private List<String> regions(Node node, String what) {
        List<String> out = new ArrayList<>();
        for (Node item : reader.list(node, what, true)) {
            // A pattern is checked by matching; a plain name must be a real region code.
            reader.value(item, what, text -> text.contains("*") || text.contains("?") ? text
                    : Region.of(text).value()).ifPresent(out::add);
        }
        return out;
    }

    private List<Condition> conditions(Node node, String what) {
        List<Condition> out = new ArrayList<>();
        for (Node item : reader.list(node, what, false)) {
            reader.map(item, "condition", Set.of("attribute"), CONDITION_KEYS).ifPresent(map -> condition(map, what)
                    .ifPresent(out::add));
        }
        return out;
    }

    private Optional<Condition> condition(MapNode map, String what) {
        int before = reader.problems().size();
        List<Field> operators = map.fields().values().stream().filter(f -> !f.key().equals("attribute")
                && CONDITION_KEYS.contains(f.key())).toList();
        if (operators.size() != 1) {
            reader.error(operators.isEmpty() ? map.location() : operators.get(1).keyLocation(), "a condition in " + what
                    + " needs exactly one of equals, notEquals, in, glob, before, after; it has "
                    + (operators.isEmpty() ? "none" : String.join(", ", operators.stream().map(Field::key).toList())));
            return Optional.empty();
        }
        Field operator = operators.get(0);
        Condition.Operator op = Arrays.stream(Condition.Operator.values())
                .filter(o -> o.configName().equals(operator.key())).findFirst().orElseThrow();
        Optional<String> attribute = ConfigReader.get(map, "attribute").flatMap(n -> reader.text(n, "condition attribute"));
        List<String> values = new ArrayList<>();
        if (op == Condition.Operator.IN) {
            for (Node item : reader.list(operator.value(), "condition in", true)) {
                scalarText(item, "condition in").ifPresent(values::add);
            }
        } else {
            scalarText(operator.value(), "condition " + operator.key()).ifPresent(values::add);
        }
        if (attribute.isEmpty() || reader.problems().size() > before) {
            return Optional.empty();
        }
        return build(map, () -> new Condition(attribute.get(), op, values));
    }

    /** Scalar text, accepting numbers and booleans as written ({@code equals: true} tests the text "true"). */
    private Optional<String> scalarText(Node node, String what) {
        if (node instanceof ScalarNode scalar && scalar.type() != ScalarNode.Type.NULL) {
            return Optional.of(scalar.text());
        }
        reader.error(node, what + " must be text, got " + node.kind());
        return Optional.empty();
    }

    /**
     * Builds a value whose constructor checks cross-field rules; a rejection is reported at the key
     * it names, which is why value components are named like the keys that write them.
     */
    private <T> Optional<T> build(MapNode map, Supplier<T> constructor) {
        try {
            return Optional.of(constructor.get());
        } catch (InvalidValueException e) {
            report(map, e);
            return Optional.empty();
        }
    }

    private void report(MapNode map, InvalidValueException e) {
        Field field = map.fields().get(e.field());
        reader.error(field == null ? map.location() : field.value().location(), e.getMessage());
    }

    private void record(MapNode map, String path) {
        map.fields().values().forEach(f -> locations.put(path + "." + f.key(), f.value().location()));
    }

    private <T> Optional<T> field(MapNode map, String key, String what, Function<String, T> parser) {
        return ConfigReader.get(map, key).flatMap(node -> reader.value(node, what, parser));
    }

    private <T> @Nullable T requiredField(MapNode map, String key, String what, Function<String, T> parser) {
        return required(map, key, what) ? field(map, key, what + " " + key, parser).orElse(null) : null;
    }

    /** Whether {@code key} is written; reports it missing otherwise. */
    private boolean required(MapNode map, String key, String what) {
        if (map.fields().containsKey(key)) {
            return true;
        }
        reader.error(map, what + " is missing required key '" + key + "'");
        return false;
    }

    private Optional<Boolean> bool(MapNode map, String key, String what) {
        return ConfigReader.get(map, key).flatMap(node -> reader.bool(node, what + " " + key));
    }

    private Optional<Long> integer(MapNode map, String key, String what) {
        return ConfigReader.get(map, key).flatMap(node -> reader.integer(node, what + " " + key));
    }

    private Optional<Duration> duration(MapNode map, String key, String what) {
        return field(map, key, what + " " + key, text -> Durations.parse(key, text));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.addAll(b);
        return out;
    }
}
