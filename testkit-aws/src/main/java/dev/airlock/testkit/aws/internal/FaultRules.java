package dev.airlock.testkit.aws.internal;

import dev.airlock.testkit.aws.AwsFault;
import dev.airlock.testkit.aws.AwsService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The faults and delays scheduled for coming calls. A rule matches a service and an operation (or
 * {@code *}) and applies to a number of calls, or to every call when {@code remaining} is negative.
 * Rules apply in the order they were added. Thread-safe.
 */
public final class FaultRules {
    private static final class Rule {
        final AwsService service;
        final String operation;
        int remaining;
        final @Nullable AwsFault fault;
        final @Nullable Duration delay;

        Rule(AwsService service, String operation, int remaining, @Nullable AwsFault fault, @Nullable Duration delay) {
            this.service = service;
            this.operation = operation;
            this.remaining = remaining;
            this.fault = fault;
            this.delay = delay;
        }

        boolean matches(AwsService service, String operation) {
            return this.service == service && (this.operation.equals("*") || this.operation.equals(operation));
        }
    }

    private final List<Rule> rules = new ArrayList<>();

    /** Schedules {@code fault} for the next {@code times} matching calls (every call when negative). */
    public synchronized void fail(AwsService service, String operation, int times, AwsFault fault) {
        rules.add(new Rule(service, operation, times, fault, null));
    }

    /** Schedules a delay for the next {@code times} matching calls (every call when negative). */
    public synchronized void delay(AwsService service, String operation, int times, Duration delay) {
        rules.add(new Rule(service, operation, times, null, delay));
    }

    /** Removes every rule. */
    public synchronized void clear() {
        rules.clear();
    }

    /** Consumes the first matching delay rule, if any. */
    public synchronized Optional<Duration> takeDelay(AwsService service, String operation) {
        Rule rule = take(service, operation, true);
        return rule == null ? Optional.empty() : Optional.ofNullable(rule.delay);
    }

    /** Consumes the first matching fault rule, if any. */
    public synchronized Optional<AwsFault> takeFault(AwsService service, String operation) {
        Rule rule = take(service, operation, false);
        return rule == null ? Optional.empty() : Optional.ofNullable(rule.fault);
    }

    private @Nullable Rule take(AwsService service, String operation, boolean delays) {
        for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
            Rule rule = it.next();
            if ((rule.delay != null) != delays || !rule.matches(service, operation)) {
                continue;
            }
            if (rule.remaining > 0 && --rule.remaining == 0) {
                it.remove();
            }
            return rule;
        }
        return null;
    }
}
