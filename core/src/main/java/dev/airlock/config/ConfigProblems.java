package dev.airlock.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems found while reading a configuration, so a user sees every one of them in one
 * pass instead of fixing a file error by error. A module that reads its own section of the file (the
 * aws backend reads {@code backend.aws}) collects into one of these and throws at the end.
 */
public final class ConfigProblems {
    private final List<Problem> problems = new ArrayList<>();

    public void add(Problem problem) {
        problems.add(problem);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Every problem collected so far, in the order found. */
    public List<Problem> list() {
        return List.copyOf(problems);
    }

    /**
     * Throws every collected problem at once, if there are any.
     *
     * @throws InvalidConfigurationException listing them in file order
     */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
    }
}
