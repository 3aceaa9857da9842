package dev.airlock.guardrail.policy;

import dev.airlock.InvalidValueException;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What a statement checks: one of the built-in kinds, each with its parameters, or generic
 * {@link Conditional conditions}. Every kind has a fixed {@link #effect()} except conditions, which
 * choose theirs. A policy document writes a kind with the name its {@link Kind} gives and its
 * parameters with the names of its components; a {@link Schedule} component is written with the
 * components of its forms.
 */
public sealed interface Rule {

    /**
     * Names a kind as a policy document writes it. Every kind carries one, so the name is known from
     * the type alone, before any rule of that kind exists.
     */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface Kind {
        /** The name, e.g. {@code no-skipping}. */
        String value();
    }

    /** The kind as written in a policy document, e.g. {@code no-skipping}. */
    default String kind() {
        return getClass().getAnnotation(Kind.class).value();
    }

    /** What the rule does when it matches (denies, grants or requires). */
    Effect effect();

    /** Whether break-glass may bypass it unless the statement says otherwise: soak, windows and freezes. */
    default boolean bypassableByDefault() {
        return false;
    }

    /** Whether no statement of this kind may ever be bypassed: the stop switch and trusted provenance. */
    default boolean neverBypassable() {
        return false;
    }

    /**
     * No skipping stages: the request's source must be a stage the promotion graph places directly
     * before the target, and the artifact must be verified there; fan-out siblings never count and an
     * entry stage needs no source. A rollback also passes when the artifact was verified in the target
     * before. On by default at the organization level; only the organization level may switch it off.
     *
     * @param enabled false only to switch the organization default off
     */
    @Kind("no-skipping")
    record NoSkipping(boolean enabled) implements Rule {
        public Effect effect() {
            return Effect.DENY;
        }
    }

    /**
     * Approvals by {@code count} distinct people from any of the groups in {@code from} (anyone, when
     * empty), excluding the initiator and the artifact's builder. An approval counts only for the same
     * digest, target environment and policy version, until {@code expiresAfter} has passed.
     *
     * @param count        how many distinct approvals; at least 1
     * @param from         eligible people groups, empty for anyone
     * @param expiresAfter how long an approval stays valid; positive
     * @param breakGlass   true for the approval requirement of break-glass requests only
     */
    @Kind("approvals")
    record Approvals(int count, List<String> from, Duration expiresAfter, boolean breakGlass) implements Rule {
        /** How long approvals stay valid unless a statement says otherwise. */
        public static final Duration DEFAULT_EXPIRY = Duration.ofHours(24);

        public Approvals {
            if (count < 1) {
                throw new InvalidValueException("count", count, "must be at least 1");
            }
            from = sortedNames("from", from);
            positive("expiresAfter", expiresAfter);
        }

        /** {@code count} approvals from any of {@code groups}, expiring after 24 hours. */
        public static Approvals of(int count, String... groups) {
            return new Approvals(count, List.of(groups), DEFAULT_EXPIRY, false);
        }

        public Effect effect() {
            return Effect.REQUIRE;
        }
    }

    /**
     * Soak time: the artifact must have been verified in {@code stage} (the request's source stage when
     * null) for at least {@code duration}.
     *
     * @param duration how long; positive
     * @param stage    the environment the soak is measured in, or null for the request's source
     */
    @Kind("soak")
    record Soak(Duration duration, @Nullable String stage) implements Rule {
        public Soak {
            positive("duration", duration);
        }

        public Effect effect() {
            return Effect.REQUIRE;
        }

        @Override
        public boolean bypassableByDefault() {
            return true;
        }
    }

    /**
     * A change window: promotions happen only while it is open; outside, the request is pending until it
     * opens. Several windows must all be open. A freeze beats a window.
     *
     * @param schedule when the window is open
     */
    @Kind("window")
    record Window(Schedule schedule) implements Rule {
        public Window {
            InvalidValueException.requireNonNull("schedule", schedule);
        }

        public Effect effect() {
            return Effect.REQUIRE;
        }

        @Override
        public boolean bypassableByDefault() {
            return true;
        }
    }

    /**
     * A freeze: while it holds, promotions are denied.
     *
     * @param schedule when the freeze holds
     * @param reason   why, shown in decisions; may be empty
     */
    @Kind("freeze")
    record Freeze(Schedule schedule, String reason) implements Rule {
        public Freeze {
            InvalidValueException.requireNonNull("schedule", schedule);
            InvalidValueException.requireNonNull("reason", reason);
        }

        public Effect effect() {
            return Effect.DENY;
        }

        @Override
        public boolean bypassableByDefault() {
            return true;
        }
    }

    /**
     * The stop switch: while engaged, every promotion it covers is denied, break-glass included.
     *
     * @param engaged whether it is engaged
     * @param reason  why, shown in decisions; may be empty
     */
    @Kind("stop")
    record Stop(boolean engaged, String reason) implements Rule {
        /** How a denial by an engaged stop switch begins its reason, so records and events can tell it apart. */
        public static final String ENGAGED_REASON = "stop switch engaged";

        public Stop {
            InvalidValueException.requireNonNull("reason", reason);
        }

        public Effect effect() {
            return Effect.DENY;
        }

        @Override
        public boolean neverBypassable() {
            return true;
        }
    }

    /**
     * Trusted provenance: the artifact's builder identity must match one of {@code builders} and its
     * source repository one of {@code repositories} ({@code *} and {@code ?} patterns). An empty list
     * does not restrict; at least one must be given. Break-glass never bypasses it.
     *
     * @param builders     trusted builder identities
     * @param repositories trusted source repositories
     */
    @Kind("provenance")
    record TrustedProvenance(List<String> builders, List<String> repositories) implements Rule {
        public TrustedProvenance {
            builders = sortedNames("builders", builders);
            repositories = sortedNames("repositories", repositories);
            if (builders.isEmpty() && repositories.isEmpty()) {
                throw new InvalidValueException("builders", builders,
                        "or repositories must name at least one trusted builder or repository");
            }
        }

        public Effect effect() {
            return Effect.DENY;
        }

        @Override
        public boolean neverBypassable() {
            return true;
        }
    }

    /**
     * Maximum artifact age: an artifact built longer than {@code maxAge} ago is denied.
     *
     * @param maxAge the oldest an artifact may be; positive
     */
    @Kind("max-age")
    record MaxAge(Duration maxAge) implements Rule {
        public MaxAge {
            positive("maxAge", maxAge);
        }

        public Effect effect() {
            return Effect.DENY;
        }
    }

    /**
     * A permission: grants the request to the listed principals and members of the listed people groups.
     *
     * @param principals principal ids
     * @param groups     people groups
     */
    @Kind("permission")
    record Permission(List<String> principals, List<String> groups) implements Rule {
        public Permission {
            principals = sortedNames("principals", principals);
            groups = sortedNames("groups", groups);
            requireSomeone(principals, groups);
        }

        public Effect effect() {
            return Effect.ALLOW;
        }
    }

    /**
     * Allowed principals: denies everyone who is neither listed nor a member of a listed people group.
     *
     * @param principals principal ids
     * @param groups     people groups
     */
    @Kind("allowed-principals")
    record AllowedPrincipals(List<String> principals, List<String> groups) implements Rule {
        public AllowedPrincipals {
            principals = sortedNames("principals", principals);
            groups = sortedNames("groups", groups);
            requireSomeone(principals, groups);
        }

        public Effect effect() {
            return Effect.DENY;
        }
    }

    /**
     * Allowed regions: denies a target environment that runs in a region matching none of
     * {@code regions} ({@code *} and {@code ?} patterns such as {@code eu-*}).
     *
     * @param regions allowed regions or patterns; at least one
     */
    @Kind("allowed-regions")
    record AllowedRegions(List<String> regions) implements Rule {
        public AllowedRegions {
            regions = sortedNames("regions", regions);
            if (regions.isEmpty()) {
                throw new InvalidValueException("regions", regions, "must name at least one region");
            }
        }

        public Effect effect() {
            return Effect.DENY;
        }
    }

    /** Immutable repositories: denies a target whose artifact store reports tags can be overwritten. */
    @Kind("immutable-repository")
    record ImmutableRepository() implements Rule {
        public Effect effect() {
            return Effect.DENY;
        }
    }

    /**
     * Generic conditions over request attributes. A deny denies when all conditions hold; an allow
     * grants when all hold; a requirement is pending until all hold.
     *
     * @param effect     what it does
     * @param conditions the tests, all of which must hold; at least one
     * @param reason     what decisions say when it denies, grants or is unmet; may be empty
     */
    @Kind("condition")
    record Conditional(Effect effect, List<Condition> conditions, String reason) implements Rule {
        public Conditional {
            InvalidValueException.requireNonNull("effect", effect);
            InvalidValueException.requireNonNull("conditions", conditions);
            InvalidValueException.requireNonNull("reason", reason);
            conditions = List.copyOf(conditions);
            if (conditions.isEmpty()) {
                throw new InvalidValueException("conditions", conditions, "must list at least one condition");
            }
        }
    }

    /**
     * An external gate: its answer comes from outside (a Java {@code dev.airlock.spi.Gate} or an HTTP
     * service) and is gathered before the decision. A requirement is pending until the gate approves;
     * a deny denies when the gate rejects and is pending until it approves. Timeouts, errors and
     * answers that cannot be authenticated count as pending, never as approved.
     *
     * @param effect {@code require} or {@code deny}
     * @param gate   the configured gate's name
     */
    @Kind("gate")
    record Gate(Effect effect, String gate) implements Rule {
        public Gate {
            InvalidValueException.requireNonNull("effect", effect);
            if (effect == Effect.ALLOW) {
                throw new InvalidValueException("effect", effect.configName(), "must be require or deny: a gate never grants");
            }
            InvalidValueException.requireNonNull("gate", gate);
            if (gate.isBlank()) {
                throw new InvalidValueException("gate", gate, "must name a configured gate");
            }
        }
    }

    private static void positive(String field, Duration duration) {
        InvalidValueException.requireNonNull(field, duration);
        if (duration.isNegative() || duration.isZero()) {
            throw new InvalidValueException(field, duration, "must be a positive duration");
        }
    }

    private static List<String> sortedNames(String field, Collection<String> names) {
        InvalidValueException.requireNonNull(field, names);
        for (String name : names) {
            if (name == null || name.isBlank()) {
                throw new InvalidValueException(field, names, "must not contain blank entries");
            }
        }
        return List.copyOf(new TreeSet<>(names));
    }

    private static void requireSomeone(List<String> principals, List<String> groups) {
        if (principals.isEmpty() && groups.isEmpty()) {
            throw new InvalidValueException("principals", principals, "or groups must name at least one principal or group");
        }
    }
}
