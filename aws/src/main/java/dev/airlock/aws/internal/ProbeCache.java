package dev.airlock.aws.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Answers of a costly yes/no probe per key, each kept for a bounded time: settings such as a bucket's
 * Object Lock or a repository's tag mutability rarely change, but an admin can change them, so an answer
 * is asked again once it is older than the lifetime. Failed probes are not kept. Two threads missing at
 * once may both probe; the answers are the same.
 */
public final class ProbeCache<K> {
    /** How long an answer is kept: long enough for a burst of promotions, short enough to follow an admin. */
    public static final Duration LIFETIME = Duration.ofMinutes(5);

    private record Answer(boolean value, Instant until) {
    }

    private final Clock clock;
    private final Map<K, Answer> answers = new ConcurrentHashMap<>();

    public ProbeCache(Clock clock) {
        this.clock = clock;
    }

    public boolean get(K key, BooleanSupplier probe) {
        Instant now = clock.instant();
        Answer answer = answers.get(key);
        if (answer != null && now.isBefore(answer.until())) {
            return answer.value();
        }
        boolean value = probe.getAsBoolean();
        answers.put(key, new Answer(value, now.plus(LIFETIME)));
        return value;
    }
}
