package dev.airlock.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that only moves when told to, so soak times, change windows and approval expiry
 * are tested instantly. Thread-safe; every clock derived with {@link #withZone} shares the instant.
 */
public final class ManualClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private ManualClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** A clock standing at {@code start}, in UTC. */
    public static ManualClock at(Instant start) {
        return new ManualClock(new AtomicReference<>(start), ZoneOffset.UTC);
    }

    /** A clock standing at an ISO-8601 instant such as {@code 2026-03-02T09:00:00Z}. */
    public static ManualClock at(String isoInstant) {
        return at(Instant.parse(isoInstant));
    }

    /** Moves the clock to {@code instant}; it may go backwards, as a real wall clock may. */
    public ManualClock set(Instant instant) {
        now.set(instant);
        return this;
    }

    /** Moves the clock forward (or back, for a negative duration). */
    public ManualClock advance(Duration duration) {
        now.updateAndGet(t -> t.plus(duration));
        return this;
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new ManualClock(now, zone);
    }

    @Override
    public String toString() {
        return "ManualClock[" + now.get() + "]";
    }
}
