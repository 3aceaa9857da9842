package dev.airlock.environment;

import dev.airlock.AirlockException;
import java.util.Set;
import java.util.TreeSet;

/** A name was used that is not an environment of the landscape. */
public class UnknownEnvironmentException extends AirlockException {
    private static final long serialVersionUID = 1L;

    private final String environment;

    public UnknownEnvironmentException(String environment, Set<String> known) {
        super("unknown environment '" + environment + "'; known environments: " + String.join(", ", new TreeSet<>(known)));
        this.environment = environment;
    }

    public String environment() {
        return environment;
    }
}
