package dev.airlock.guardrail.policy;

import dev.airlock.InvalidValueException;
import dev.airlock.environment.Tier;
import java.util.Locale;

/**
 * Where a policy document applies. Levels nest from the organization (every environment) through a
 * tier or an environment group down to one environment; statements accumulate downward, so a lower
 * level can add denies and requirements but never remove what a higher level says.
 *
 * @param scope the kind of level
 * @param name  the tier's configuration name, the environment group or the environment; empty for
 *              the organization
 */
public record Attachment(Scope scope, String name) {
    private static final Attachment ORGANIZATION = new Attachment(Scope.ORGANIZATION, "");

    /** The kinds of level, from the broadest to the narrowest. */
    public enum Scope {
        /** Every environment. */
        ORGANIZATION,
        /** Every environment of one tier. */
        TIER,
        /** Every environment of a named environment group. */
        GROUP,
        /** One environment. */
        ENVIRONMENT
    }

    public Attachment {
        InvalidValueException.requireNonNull("attach", scope);
        InvalidValueException.requireNonNull("attach", name);
        if (scope == Scope.ORGANIZATION && !name.isEmpty()) {
            throw new InvalidValueException("attach", name, "must be empty for the organization level");
        }
        if (scope != Scope.ORGANIZATION && name.isBlank()) {
            throw new InvalidValueException("attach", name, "must name a " + scope.name().toLowerCase(Locale.ROOT));
        }
        if (scope == Scope.TIER) {
            Tier.parse(name);
        }
    }

    public static Attachment organization() {
        return ORGANIZATION;
    }

    public static Attachment tier(Tier tier) {
        return new Attachment(Scope.TIER, tier.configName());
    }

    public static Attachment group(String environmentGroup) {
        return new Attachment(Scope.GROUP, environmentGroup);
    }

    public static Attachment environment(String environment) {
        return new Attachment(Scope.ENVIRONMENT, environment);
    }

    /**
     * The level as decisions print it: {@code organization}, {@code tier:production},
     * {@code group:prod} or {@code environment:prod-eu}.
     */
    public String level() {
        return switch (scope) {
            case ORGANIZATION -> "organization";
            case TIER -> "tier:" + name;
            case GROUP -> "group:" + name;
            case ENVIRONMENT -> "environment:" + name;
        };
    }

    @Override
    public String toString() {
        return level();
    }
}
