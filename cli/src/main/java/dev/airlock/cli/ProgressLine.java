package dev.airlock.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * One line on stderr, rewritten in place while bytes move: {@code uploading app.jar: 512 MiB of 1.1 GiB,
 * 85 MiB/s, 7s left}. Only on a terminal: redirected output and scripts see nothing of it, so stdout and
 * stderr stay the answer and its errors.
 */
final class ProgressLine {
    /** Rewriting the line more often than this only costs time. */
    private static final long EVERY_NANOS = 200_000_000L;

    private final String what;
    private final PrintStream err;
    private final LongSupplier nanos;
    private final boolean enabled;
    private long started = -1;
    private long shownAt = -1;
    private int shownLength;

    ProgressLine(String what, PrintStream err, LongSupplier nanos, boolean enabled) {
        this.what = what;
        this.err = err;
        this.nanos = nanos;
        this.enabled = enabled;
    }

    /** A line on stderr if it is a terminal (the JVM has a console), otherwise one that prints nothing. */
    static ProgressLine onTerminal(String what) {
        return new ProgressLine(what, System.err, System::nanoTime, System.console() != null);
    }

    synchronized void update(long done, long total) {
        if (!enabled) {
            return;
        }
        long now = nanos.getAsLong();
        if (started < 0) {
            started = now;
        }
        if (shownAt >= 0 && now - shownAt < EVERY_NANOS && done != total) {
            return;
        }
        shownAt = now;
        String line = render(what, done, total, now - started);
        err.print("\r" + line + " ".repeat(Math.max(0, shownLength - line.length())));
        err.flush();
        shownLength = line.length();
    }

    /** Clears the line, so the answer that follows starts on a clean one. */
    synchronized void finish() {
        if (enabled && shownLength > 0) {
            err.print("\r" + " ".repeat(shownLength) + "\r");
            err.flush();
            shownLength = 0;
        }
    }

    static String render(String what, long done, long total, long elapsedNanos) {
        StringBuilder out = new StringBuilder(what).append(": ").append(Sizes.human(done));
        if (total >= 0) {
            out.append(" of ").append(Sizes.human(total));
        }
        if (elapsedNanos > 0 && done > 0) {
            double perSecond = done * 1e9 / elapsedNanos;
            out.append(", ").append(Sizes.human((long) perSecond)).append("/s");
            if (total > done) {
                long left = (long) Math.ceil((total - done) / perSecond);
                out.append(", ").append(left(Duration.ofSeconds(left))).append(" left");
            }
        }
        return out.toString();
    }

    private static String left(Duration d) {
        long s = d.getSeconds();
        return s >= 3600 ? s / 3600 + "h" + (s % 3600 / 60) + "m" : s >= 60 ? s / 60 + "m" + (s % 60) + "s" : s + "s";
    }
}
