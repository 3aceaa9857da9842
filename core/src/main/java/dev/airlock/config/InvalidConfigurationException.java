package dev.airlock.config;

import dev.airlock.AirlockException;
import java.util.List;
import java.util.stream.Collectors;

/** A configuration (landscape, policies, backend) broke one or more rules; all of them are listed. */
public class InvalidConfigurationException extends AirlockException {
    private static final long serialVersionUID = 1L;

    private final List<Problem> problems;

    public InvalidConfigurationException(List<Problem> problems) {
        super(problems.stream().sorted().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = problems.stream().sorted().toList();
    }

    /** Every problem found, in file order. */
    public List<Problem> problems() {
        return problems;
    }
}
