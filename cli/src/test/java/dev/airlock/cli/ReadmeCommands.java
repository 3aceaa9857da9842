package dev.airlock.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command lines the README shows: the rows of the command table, and every {@code ./airlock ...} in its
 * code blocks and prose, as argument lists with placeholders ({@code D}, {@code ENV}, {@code "$D"}...)
 * replaced by values of the right shape.
 */
final class ReadmeCommands {
    static final String DIGEST = "sha256:" + "ab".repeat(32);
    /** What the README writes for a value, and a value of that shape. */
    private static final Map<String, String> PLACEHOLDERS = Map.ofEntries(Map.entry("D", DIGEST),
            Map.entry("$D", DIGEST), Map.entry("ENV", "dev"), Map.entry("$env", "dev"),
            Map.entry("INSTANT", "2026-03-07T10:00:00Z"), Map.entry("SEQ:HASH", "12:" + "0".repeat(64)),
            Map.entry("ID", "7c9e6679-7425-40de-944b-e07fc1f90ae7"), Map.entry("$AIRLOCK_CONFIG", "airlock.yaml"));
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| (`[^|]+`(?: / `[^|]+`)*) \\|");
    private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");
    private static final Pattern SCRIPT = Pattern.compile("\\./airlock ([^`]*)");

    /** One command line: where the README shows it, and its arguments. */
    record Line(String where, List<String> args) {
        @Override
        public String toString() {
            return where + ": airlock " + String.join(" ", args);
        }
    }

    private ReadmeCommands() {
    }

    static String readme() {
        try {
            return Files.readString(AirlockScript.ROOT.resolve("README.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of the table in "The airlock command", each cell's commands in order. */
    static List<Line> table() {
        String readme = readme();
        int start = readme.indexOf("## The `airlock` command");
        int end = readme.indexOf("\n## ", start + 1);
        List<Line> out = new ArrayList<>();
        String[] lines = readme.substring(start, end).split("\n");
        for (String line : lines) {
            Matcher row = TABLE_ROW.matcher(line);
            if (row.find()) {
                Matcher cell = BACKTICKED.matcher(row.group(1));
                while (cell.find()) {
                    out.add(new Line("README table", args(cell.group(1))));
                }
            }
        }
        return out;
    }

    /** Every {@code ./airlock ...} of the README, continuation lines joined, up to where the shell goes on. */
    static List<Line> scripts() {
        String[] lines = readme().replace("\\\n", " ").split("\n");
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher script = SCRIPT.matcher(lines[i]);
            while (script.find()) {
                out.add(new Line("README.md line ~" + (i + 1), args(script.group(1))));
            }
        }
        return out;
    }

    /** Shell words up to the end of the command ({@code ||}, {@code |}, {@code ;}, {@code )}, {@code #}). */
    static List<String> args(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if (c == '|' || c == ';' || c == ')' || c == '#' || c == '>' || c == '&') {
                break;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words.stream().map(w -> PLACEHOLDERS.getOrDefault(w, w)).toList();
    }
}
