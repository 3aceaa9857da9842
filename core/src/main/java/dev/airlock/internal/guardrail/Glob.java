package dev.airlock.internal.guardrail;

import java.util.List;

/**
 * A compiled pattern where {@code *} matches any text (slashes included) and {@code ?} one character.
 * Plain names and {@code prefix*} patterns, the common cases, take a shortcut; matching never
 * allocates.
 */
final class Glob {
    private enum Shape { LITERAL, PREFIX, GENERAL }

    private final String pattern;
    private final Shape shape;
    private final String prefix;

    private Glob(String pattern) {
        this.pattern = pattern;
        int star = pattern.indexOf('*');
        boolean question = pattern.indexOf('?') >= 0;
        if (star < 0 && !question) {
            shape = Shape.LITERAL;
        } else if (!question && star == pattern.length() - 1) {
            shape = Shape.PREFIX;
        } else {
            shape = Shape.GENERAL;
        }
        prefix = shape == Shape.PREFIX ? pattern.substring(0, star) : pattern;
    }

    static Glob of(String pattern) {
        return new Glob(pattern);
    }

    static Glob[] all(List<String> patterns) {
        return patterns.stream().map(Glob::new).toArray(Glob[]::new);
    }

    static boolean matchesAny(Glob[] globs, String text) {
        for (Glob glob : globs) {
            if (glob.matches(text)) {
                return true;
            }
        }
        return false;
    }

    boolean matches(String text) {
        return switch (shape) {
            case LITERAL -> pattern.equals(text);
            case PREFIX -> text.startsWith(prefix);
            case GENERAL -> wildcard(pattern, text);
        };
    }

    /** Backtracks only to the last {@code *} seen, so it runs in O(pattern × text) at worst. */
    private static boolean wildcard(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int resume = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
