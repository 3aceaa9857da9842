package dev.airlock.ledger;

import dev.airlock.AirlockException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A stored ledger entry could not be read: it is not JSON, or a field is missing, unknown, repeated
 * or of the wrong kind. When the reader said where the entry is stored (such as an S3 object), the
 * message starts with that place.
 */
public class MalformedEntryException extends AirlockException {
    private static final long serialVersionUID = 1L;

    private final String problem;
    private final @Nullable String source;

    public MalformedEntryException(String problem, @Nullable Throwable cause) {
        this(null, problem, cause);
    }

    /**
     * @param source  where the entry is stored, such as {@code s3://bucket/key}; null when unknown
     * @param problem what is wrong
     * @param cause   the parser's exception, if any
     */
    public MalformedEntryException(@Nullable String source, String problem, @Nullable Throwable cause) {
        super((source == null ? "" : source + ": ") + "malformed ledger entry: " + problem, cause);
        this.problem = problem;
        this.source = source;
    }

    /** What is wrong, without the "malformed ledger entry" prefix, for callers that add a location. */
    public String problem() {
        return problem;
    }

    /** Where the entry is stored, if the reader said. */
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }
}
