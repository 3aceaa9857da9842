package dev.airlock.ledger;

import dev.airlock.AirlockException;
import org.jspecify.annotations.Nullable;

/** A stored ledger entry could not be read: it is not JSON, or a field is missing, unknown or of the wrong kind. */
public class MalformedEntryException extends AirlockException {
    private static final long serialVersionUID = 1L;

    private final String problem;

    public MalformedEntryException(String problem, @Nullable Throwable cause) {
        super("malformed ledger entry: " + problem, cause);
        this.problem = problem;
    }

    /** What is wrong, without the "malformed ledger entry" prefix, for callers that add a location. */
    public String problem() {
        return problem;
    }
}
