package dev.airlock.guardrail.policy;

import dev.airlock.InvalidValueException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One statement of a policy document: an id unique across the configuration, what it checks, and
 * where it applies.
 *
 * @param id         unique across the configuration: letters, digits, {@code .}, {@code _} and {@code -}
 * @param rule       what it checks
 * @param bypassable whether a break-glass request may bypass it; never for the stop switch, trusted
 *                   provenance, permissions or the break-glass approval requirement
 * @param rollbacks  whether it applies to rollbacks
 * @param when       conditions that must all hold for the statement to apply at all; empty for always
 */
public record Statement(String id, Rule rule, boolean bypassable, Rollbacks rollbacks, List<Condition> when) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public Statement {
        checkId("id", id);
        InvalidValueException.requireNonNull("rule", rule);
        InvalidValueException.requireNonNull("rollbacks", rollbacks);
        InvalidValueException.requireNonNull("when", when);
        when = List.copyOf(when);
        if (bypassable) {
            if (rule.neverBypassable()) {
                throw new InvalidValueException("bypassable", true,
                        "is not possible: break-glass never bypasses a " + rule.kind() + " statement");
            }
            if (rule instanceof Rule.Permission) {
                throw new InvalidValueException("bypassable", true,
                        "is not possible: a permission grants, break-glass has nothing to bypass");
            }
            if (rule instanceof Rule.Approvals approvals && approvals.breakGlass()) {
                throw new InvalidValueException("bypassable", true,
                        "is not possible: break-glass cannot bypass its own approval requirement");
            }
        }
    }

    /** A statement with the defaults: bypassable only for soak, windows and freezes; applies to rollbacks; always. */
    public static Statement of(String id, Rule rule) {
        InvalidValueException.requireNonNull("rule", rule);
        return new Statement(id, rule, rule.bypassableByDefault(), Rollbacks.INCLUDE, List.of());
    }

    public Statement withBypassable(boolean bypassable) {
        return new Statement(id, rule, bypassable, rollbacks, when);
    }

    public Statement withRollbacks(Rollbacks rollbacks) {
        return new Statement(id, rule, bypassable, rollbacks, when);
    }

    public Statement withWhen(Condition... conditions) {
        return new Statement(id, rule, bypassable, rollbacks, List.of(conditions));
    }

    /** Checks a statement or policy id against the id rule. */
    public static String checkId(String field, String id) {
        InvalidValueException.requireNonNull(field, id);
        if (!ID.matcher(id).matches()) {
            throw new InvalidValueException(field, id,
                    "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return id;
    }
}
