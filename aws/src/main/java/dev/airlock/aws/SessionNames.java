package dev.airlock.aws;

import dev.airlock.InvalidValueException;
import java.util.regex.Pattern;

/**
 * Makes values acceptable to STS as RoleSessionName or SourceIdentity: characters outside
 * {@code [\w+=,.@-]} become {@code -}, and the result is 2 to 64 characters long.
 */
public final class SessionNames {
    private static final Pattern DISALLOWED = Pattern.compile("[^\\w+=,.@-]");
    private static final int MAX = 64;

    private SessionNames() {
    }

    /** {@code value} with disallowed characters replaced and cut to 64 characters. */
    public static String sanitize(String field, String value) {
        InvalidValueException.requireNonNull(field, value);
        String cleaned = DISALLOWED.matcher(value).replaceAll("-");
        if (cleaned.length() > MAX) {
            cleaned = cleaned.substring(0, MAX);
        }
        if (cleaned.length() < 2) {
            throw new InvalidValueException(field, value, "must have at least 2 characters of [A-Za-z0-9_+=,.@-]");
        }
        return cleaned;
    }
}
