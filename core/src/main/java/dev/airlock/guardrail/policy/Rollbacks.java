package dev.airlock.guardrail.policy;

import dev.airlock.InvalidValueException;
import java.util.Locale;

/** Whether a statement applies to rollbacks, to ordinary promotions, or to both. */
public enum Rollbacks {
    /** Applies to ordinary promotions and rollbacks alike (the default). */
    INCLUDE,
    /** Does not apply when the request is a rollback. */
    EXCLUDE,
    /** Applies only when the request is a rollback. */
    ONLY;

    /** The lowercase name used in policy documents. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a statement with this setting applies to a request that is ({@code rollback}) or is not one. */
    public boolean appliesTo(boolean rollback) {
        return this == INCLUDE || (this == ONLY) == rollback;
    }

    /** Parses {@code include}, {@code exclude} or {@code only}. */
    public static Rollbacks parse(String text) {
        for (Rollbacks value : values()) {
            if (value.configName().equals(text)) {
                return value;
            }
        }
        throw new InvalidValueException("rollbacks", text, "must be one of include, exclude, only");
    }
}
