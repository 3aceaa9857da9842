package dev.airlock.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Colours the outcome word that leads a line of {@code plan} and {@code promote} (ALLOWED and PROMOTED
 * green, DENIED red, PENDING yellow), only where a person reads it: on a terminal, without {@code NO_COLOR}
 * (https://no-color.org; any value counts, as people set it to 1, true or nothing), never in JSON. A file,
 * a pipe or a script gets the words without escape codes.
 */
final class Colour {
    private static final Pattern OUTCOME = Pattern.compile("(?m)^(ALLOWED|PROMOTED|DENIED|PENDING)\\b");
    private static final String RESET = "\u001b[0m";

    private final boolean on;

    Colour(boolean on) {
        this.on = on;
    }

    /** For what a command prints on stdout: the JVM has a console only when stdin and stdout are terminals. */
    static Colour forStdout(boolean json) {
        return new Colour(enabled(System.console() != null, System.getenv("NO_COLOR"), json));
    }

    static boolean enabled(boolean terminal, @Nullable String noColor, boolean json) {
        return terminal && noColor == null && !json;
    }

    /** {@code text} with each line's leading outcome word coloured, or unchanged when colour is off. */
    String outcomes(String text) {
        if (!on) {
            return text;
        }
        Matcher matcher = OUTCOME.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, code(matcher.group(1)) + matcher.group(1) + RESET);
        }
        return matcher.appendTail(out).toString();
    }

    private static String code(String outcome) {
        return switch (outcome) {
            case "ALLOWED", "PROMOTED" -> "\u001b[32m";
            case "DENIED" -> "\u001b[31m";
            default -> "\u001b[33m";
        };
    }
}
