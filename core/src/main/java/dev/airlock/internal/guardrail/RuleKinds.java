package dev.airlock.internal.guardrail;

import dev.airlock.environment.Landscape;
import dev.airlock.guardrail.policy.Attachment;
import dev.airlock.guardrail.policy.Condition;
import dev.airlock.guardrail.policy.Effect;
import dev.airlock.guardrail.policy.Rule;
import dev.airlock.guardrail.policy.Schedule;
import dev.airlock.guardrail.policy.Statement;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Every rule kind in one place: its name ({@link Rule.Kind}), the keys a policy document may write
 * for it (its record components), how its parameters are read and which check decides it. The
 * table is held against {@link Rule}'s permitted subclasses when this class loads, so a kind added
 * to {@code Rule} without a definition here fails at once instead of being read as another kind.
 */
public final class RuleKinds {
    private static final Map<Class<?>, Definition<?>> BY_TYPE = new HashMap<>();
    private static final Map<String, Definition<?>> BY_NAME = new TreeMap<>();
    private static final Set<String> ALL_KEYS = new TreeSet<>();

    static {
        define(new Definition<>(Rule.NoSkipping.class, p -> new Rule.NoSkipping(p.flag("enabled", true)),
                NoSkippingCheck::new));
        define(new Definition<>(Rule.Approvals.class, p -> new Rule.Approvals(p.count("count"),
                p.names("from", List.of()), p.duration("expiresAfter", Rule.Approvals.DEFAULT_EXPIRY),
                p.flag("breakGlass", false)), plain(ApprovalsCheck::new)));
        define(new Definition<>(Rule.Soak.class, p -> new Rule.Soak(p.duration("duration"), p.text("stage", null)),
                plain(SoakCheck::new)));
        define(new Definition<>(Rule.Window.class, p -> new Rule.Window(p.schedule()), plain(WindowCheck::new)));
        define(new Definition<>(Rule.Freeze.class, p -> new Rule.Freeze(p.schedule(), p.text("reason", "")),
                plain(FreezeCheck::new)));
        define(new Definition<>(Rule.Stop.class, p -> new Rule.Stop(p.flag("engaged", true), p.text("reason", "")),
                plain(StopCheck::new)));
        define(new Definition<>(Rule.TrustedProvenance.class, p -> new Rule.TrustedProvenance(
                p.names("builders", List.of()), p.names("repositories", List.of())), plain(ProvenanceCheck::new)));
        define(new Definition<>(Rule.MaxAge.class, p -> new Rule.MaxAge(p.duration("maxAge")), plain(MaxAgeCheck::new)));
        define(new Definition<>(Rule.Permission.class, p -> new Rule.Permission(p.names("principals", List.of()),
                p.names("groups", List.of())), plain(PermissionCheck::new)));
        define(new Definition<>(Rule.AllowedPrincipals.class, p -> new Rule.AllowedPrincipals(
                p.names("principals", List.of()), p.names("groups", List.of())), plain(AllowedPrincipalsCheck::new)));
        define(new Definition<>(Rule.AllowedRegions.class, p -> new Rule.AllowedRegions(p.regions("regions")),
                plain(AllowedRegionsCheck::new)));
        define(new Definition<>(Rule.ImmutableRepository.class, p -> new Rule.ImmutableRepository(),
                plain(ImmutableRepositoryCheck::new)));
        define(new Definition<>(Rule.Conditional.class, p -> new Rule.Conditional(p.effect(),
                p.conditions("conditions"), p.text("reason", "")), plain(ConditionalCheck::new)));
        define(new Definition<>(Rule.Gate.class, p -> new Rule.Gate(p.effect(), p.text("gate", null)),
                plain(GateCheck::new)));
        for (Class<?> kind : Rule.class.getPermittedSubclasses()) {
            if (!BY_TYPE.containsKey(kind)) {
                throw new IllegalStateException("rule kind " + kind.getName() + " has no definition in "
                        + RuleKinds.class.getName() + ": say there how a document writes it and which check decides it");
            }
        }
    }

    private RuleKinds() {
    }

    /**
     * A statement's parameters, read by key. Every method without a value to use when the key is
     * absent reads a required key. A key that is missing or malformed is reported by the
     * implementation and read as null, zero or false: the rule's constructor then rejects it with an
     * {@link dev.airlock.InvalidValueException} that the caller drops, the problem being reported already.
     */
    public interface Parameters {
        boolean flag(String key, boolean absent);

        /** A whole number. */
        int count(String key);

        @Nullable Duration duration(String key);

        Duration duration(String key, Duration absent);

        @Nullable String text(String key, @Nullable String absent);

        /** Names, written as a list or as one name. */
        List<String> names(String key, List<String> absent);

        /** Region codes or patterns such as {@code eu-*}. */
        List<String> regions(String key);

        /** A schedule, written with the keys of one of its forms. */
        @Nullable Schedule schedule();

        /** The statement's own effect, for the kinds that let a statement choose it. */
        @Nullable Effect effect();

        List<Condition> conditions(String key);
    }

    /** Builds the check that decides a statement of one kind. */
    @FunctionalInterface
    interface Compiler<R extends Rule> {
        Check compile(Statement statement, Attachment attach, R rule, Landscape landscape);
    }

    /** A check that needs nothing beyond its statement. */
    @FunctionalInterface
    interface PlainCheck<R extends Rule> {
        Check create(Statement statement, Attachment attach, R rule);
    }

    /** One kind: how a document writes it and which check decides it. */
    public static final class Definition<R extends Rule> {
        private final Class<R> type;
        private final String name;
        private final Set<String> keys;
        private final Function<Parameters, R> reader;
        private final Compiler<R> compiler;

        Definition(Class<R> type, Function<Parameters, R> reader, Compiler<R> compiler) {
            Rule.Kind kind = type.getAnnotation(Rule.Kind.class);
            if (kind == null || !type.isRecord()) {
                throw new IllegalStateException(type.getName() + " must be a record (its components are the keys a"
                        + " document writes) with a @Rule.Kind naming it");
            }
            this.type = type;
            this.name = kind.value();
            this.keys = Collections.unmodifiableSet(keysOf(type));
            this.reader = reader;
            this.compiler = compiler;
        }

        public String name() {
            return name;
        }

        /** The keys of the kind's own parameters, sorted; the keys every statement has are not among them. */
        public Set<String> keys() {
            return keys;
        }

        /** The rule written with {@code parameters}. */
        public R read(Parameters parameters) {
            return reader.apply(parameters);
        }

        private Check compile(Statement statement, Attachment attach, Landscape landscape) {
            return compiler.compile(statement, attach, type.cast(statement.rule()), landscape);
        }
    }

    /** The definition of the kind a document calls {@code name}. */
    public static Optional<Definition<?>> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** Every kind's name, sorted. */
    public static SortedSet<String> names() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(BY_NAME.keySet()));
    }

    /** The keys of every kind's parameters, sorted: what a statement of an unknown kind may have. */
    public static Set<String> allKeys() {
        return Collections.unmodifiableSet(ALL_KEYS);
    }

    /** The check that decides {@code statement}, attached at {@code attach}. */
    static Check compile(Statement statement, Attachment attach, Landscape landscape) {
        return BY_TYPE.get(statement.rule().getClass()).compile(statement, attach, landscape);
    }

    private static void define(Definition<?> definition) {
        if (BY_NAME.putIfAbsent(definition.name, definition) != null) {
            throw new IllegalStateException("two rule kinds are called '" + definition.name + "'");
        }
        BY_TYPE.put(definition.type, definition);
        ALL_KEYS.addAll(definition.keys);
    }

    private static <R extends Rule> Compiler<R> plain(PlainCheck<R> check) {
        return (statement, attach, rule, landscape) -> check.create(statement, attach, rule);
    }

    /**
     * A record's components by name; a component whose type is a sealed interface (a schedule) is
     * written inline, with the components of each of its forms.
     */
    private static Set<String> keysOf(Class<?> record) {
        Set<String> keys = new TreeSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            Class<?> type = component.getType();
            if (type.isInterface() && type.isSealed()) {
                for (Class<?> form : type.getPermittedSubclasses()) {
                    keys.addAll(keysOf(form));
                }
            } else {
                keys.add(component.getName());
            }
        }
        return keys;
    }
}
