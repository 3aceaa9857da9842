package dev.airlock.guardrail.policy;

import dev.airlock.InvalidValueException;
import java.util.Locale;

/** What a statement does when it matches. */
public enum Effect {
    /** A guardrail: when it matches, the request is denied, whatever else allows it. */
    DENY,
    /** A permission: a request needs at least one to match. */
    ALLOW,
    /** A requirement: until it holds, the request is pending. */
    REQUIRE;

    /** The lowercase name used in policy documents. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code deny}, {@code allow} or {@code require}. */
    public static Effect parse(String text) {
        for (Effect effect : values()) {
            if (effect.configName().equals(text)) {
                return effect;
            }
        }
        throw new InvalidValueException("effect", text, "must be one of deny, allow, require");
    }
}
