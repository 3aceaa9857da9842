package dev.airlock.internal.guardrail;

import java.util.List;

/** Patterns where {@code *} matches any text (slashes included) and {@code ?} one character. */
final class Glob {
    private Glob() {
    }

    /** Wildcard matching that backtracks only to the last {@code *}; no regular expressions, so nothing is allocated. */
    static boolean matches(String pattern, String text) {
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

    static boolean matchesAny(List<String> patterns, String text) {
        for (int i = 0; i < patterns.size(); i++) {
            if (matches(patterns.get(i), text)) {
                return true;
            }
        }
        return false;
    }
}
