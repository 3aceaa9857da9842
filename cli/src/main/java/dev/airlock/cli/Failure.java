package dev.airlock.cli;

import dev.airlock.config.Problem;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command that failed, as {@code -o json} reports it: one document on stdout, so a script that asked
 * for JSON can always parse what it gets, whatever went wrong. People still read the message on stderr.
 */
record Failure(int exitCode, String message, List<Problem> problems) {
    Failure(int exitCode, String message) {
        this(exitCode, message, List.of());
    }

    /**
     * {@code ok: false}, {@code exitCode}, {@code meaning} (as documented for the exit code), {@code message}
     * and, for an invalid configuration only, {@code problems} ({@code file}, {@code line}, {@code column},
     * {@code message}; line and column 0 when the problem has no position).
     */
    Map<String, Object> json() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", false);
        out.put("exitCode", exitCode);
        out.put("meaning", ExitCodes.meaning(exitCode));
        out.put("message", message);
        if (!problems.isEmpty()) {
            out.put("problems", problems.stream().map(Failure::problem).toList());
        }
        return out;
    }

    /** Prints the document on {@code out} when the command line asked for JSON. */
    void printJsonIfAsked(PrintWriter out, String[] args) {
        if (OutputOption.jsonIn(args)) {
            out.println(Json.write(json()));
            out.flush();
        }
    }

    private static Map<String, Object> problem(Problem problem) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", problem.source());
        out.put("line", problem.line());
        out.put("column", problem.column());
        out.put("message", problem.message());
        return out;
    }
}
