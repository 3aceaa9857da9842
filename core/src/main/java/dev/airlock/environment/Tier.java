package dev.airlock.environment;

import dev.airlock.InvalidValueException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How much is at risk in an environment, in increasing order. Promotions never go down a tier. */
public enum Tier {
    SANDBOX,
    DEVELOPMENT,
    TEST,
    STAGING,
    PRODUCTION;

    /** The lowercase name used in configuration files, e.g. {@code staging}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a configuration name such as {@code production}. */
    public static Tier parse(String name) {
        InvalidValueException.requireNonNull("tier", name);
        for (Tier tier : values()) {
            if (tier.configName().equals(name)) {
                return tier;
            }
        }
        throw new InvalidValueException("tier", name, "must be one of " + Arrays.stream(values())
                .map(Tier::configName).collect(Collectors.joining(", ")));
    }

    public boolean isLowerThan(Tier other) {
        return compareTo(other) < 0;
    }
}
