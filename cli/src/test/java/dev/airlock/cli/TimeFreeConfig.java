package dev.airlock.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sample configuration without the statements that depend on the time of day or on time passing
 * (soak, window, freeze). Writes take the clock's time, never a claimed one, so a test that writes
 * through the real launcher cannot choose "a Tuesday morning"; it removes what the clock would decide
 * instead. Those statements have their own tests with a controllable clock (core) and the demo's.
 */
final class TimeFreeConfig {
    private static final Pattern STATEMENT = Pattern.compile("^(\\s*)- id: .*");
    private static final Pattern TIMED_KIND = Pattern.compile("^\\s*kind: (soak|window|freeze)\\s*$");
    private static final Pattern CALENDAR_KIND = Pattern.compile("^\\s*kind: (window|freeze)\\s*$");

    private TimeFreeConfig() {
    }

    static String strip(String yaml) {
        return strip(yaml, TIMED_KIND);
    }

    /**
     * Without the statements that depend on the day and hour (windows and freezes), keeping soak: it counts
     * from the clock's time of a verified report, so what a test sees does not depend on when it runs.
     */
    static String withSoak(String yaml) {
        return strip(yaml, CALENDAR_KIND);
    }

    private static String strip(String yaml, Pattern kinds) {
        List<String> lines = List.of(yaml.split("\n", -1));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher statement = STATEMENT.matcher(lines.get(i));
            if (statement.matches() && i + 1 < lines.size() && kinds.matcher(lines.get(i + 1)).matches()) {
                int indent = statement.group(1).length();
                i++;
                while (i + 1 < lines.size() && indentOf(lines.get(i + 1)) > indent) {
                    i++;
                }
                continue;
            }
            out.add(lines.get(i));
        }
        return String.join("\n", out);
    }

    private static int indentOf(String line) {
        if (line.isBlank()) {
            return Integer.MAX_VALUE; // a blank line inside a statement belongs to it
        }
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }
}
