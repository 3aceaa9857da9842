package dev.airlock.guardrail;

import dev.airlock.InvalidValueException;
import java.util.Set;

/** Who acts: a person or build identity, and the groups they belong to. */
public record Principal(String id, Set<String> groups) {
    public Principal {
        InvalidValueException.requireNonNull("principal", id);
        if (id.isBlank()) {
            throw new InvalidValueException("principal", id, "must not be blank");
        }
        groups = Set.copyOf(groups);
    }

    public static Principal of(String id, String... groups) {
        return new Principal(id, Set.of(groups));
    }

    public boolean isIn(String group) {
        return groups.contains(group);
    }
}
