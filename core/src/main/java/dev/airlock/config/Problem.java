package dev.airlock.config;

/**
 * One thing wrong with a configuration: where it is and what rule it breaks. Prints as
 * {@code FILE:LINE:COLUMN: message}, the form compilers use, so editors can jump to it. Line and
 * column are 1-based; 0 means the problem has no position (a landscape built in code).
 */
public record Problem(String source, int line, int column, String message) implements Comparable<Problem> {

    public static Problem unlocated(String message) {
        return new Problem("<landscape>", 0, 0, message);
    }

    @Override
    public int compareTo(Problem other) {
        int byLine = Integer.compare(line, other.line);
        return byLine != 0 ? byLine : Integer.compare(column, other.column);
    }

    @Override
    public String toString() {
        return line == 0 ? source + ": " + message : source + ":" + line + ":" + column + ": " + message;
    }
}
