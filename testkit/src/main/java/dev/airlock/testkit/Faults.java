package dev.airlock.testkit;

import dev.airlock.InvalidValueException;
import dev.airlock.environment.AccountId;
import dev.airlock.spi.AccessDeniedException;
import dev.airlock.spi.BackendUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Makes the next calls of an operation fail or be slow:
 * {@code faults.failNext(Operation.TRANSFER, 2, Fault.THROTTLED)} throttles the next two transfers,
 * {@code faults.failNext(Operation.OPEN_ACCESS, "prod", 1, Fault.ACCESS_DENIED)} refuses the next
 * access to prod only. Rules are used up in the order they were added; a call consumes at most one
 * failure rule and one slowness rule. Thread-safe.
 *
 * <p>Slowness advances the world's {@link ManualClock} instead of sleeping: the call takes that long
 * in the test's time (leases expire, soak time passes) while the test itself stays fast and
 * deterministic.
 */
public final class Faults {
    private final ManualClock clock;
    private final List<Rule> rules = new ArrayList<>();

    /** Faults whose slowness advances {@code clock}. */
    public Faults(ManualClock clock) {
        this.clock = InvalidValueException.requireNonNull("clock", clock);
    }

    private static final class Rule {
        final Operation operation;
        final @Nullable String environment;
        final @Nullable Fault fault;
        final @Nullable Duration delay;
        int remaining;

        Rule(Operation operation, @Nullable String environment, @Nullable Fault fault, @Nullable Duration delay,
                int remaining) {
            this.operation = operation;
            this.environment = environment;
            this.fault = fault;
            this.delay = delay;
            this.remaining = remaining;
        }

        boolean matches(Operation called, @Nullable String calledEnvironment) {
            return operation == called && (environment == null || environment.equals(calledEnvironment));
        }
    }

    /** Makes the next {@code times} calls of {@code operation}, in any environment, fail with {@code fault}. */
    public Faults failNext(Operation operation, int times, Fault fault) {
        return add(operation, null, times, fault, null);
    }

    /** Makes the next {@code times} calls of {@code operation} concerning {@code environment} fail with {@code fault}. */
    public Faults failNext(Operation operation, String environment, int times, Fault fault) {
        return add(operation, InvalidValueException.requireNonNull("environment", environment), times, fault, null);
    }

    /** Makes the next {@code times} calls of {@code operation} take {@code delay} of the world's time. */
    public Faults slowNext(Operation operation, int times, Duration delay) {
        InvalidValueException.requireNonNull("delay", delay);
        if (delay.isNegative() || delay.isZero()) {
            throw new InvalidValueException("delay", delay, "must be a positive duration");
        }
        return add(operation, null, times, null, delay);
    }

    private synchronized Faults add(Operation operation, @Nullable String environment, int times, @Nullable Fault fault,
            @Nullable Duration delay) {
        InvalidValueException.requireNonNull("operation", operation);
        if (times < 1) {
            throw new InvalidValueException("times", times, "must be at least 1");
        }
        if (delay == null) {
            InvalidValueException.requireNonNull("fault", fault);
            if (fault == Fault.CORRUPT_BYTES && operation != Operation.TRANSFER) {
                throw new InvalidValueException("fault", fault, "applies only to " + Operation.TRANSFER.name()
                        + " (the copy into an environment), not to " + operation.name());
            }
        }
        rules.add(new Rule(operation, environment, fault, delay, times));
        return this;
    }

    /** How many injected failures and slow calls are still waiting to happen. */
    public synchronized int pending() {
        int sum = 0;
        for (Rule rule : rules) {
            sum += rule.remaining;
        }
        return sum;
    }

    /** Removes every rule that has not fired yet. */
    public synchronized void clear() {
        rules.clear();
    }

    /**
     * Called by the in-memory ports at the start of each call: applies slowness, throws an injected
     * failure, or returns whether the call must corrupt the bytes it copies.
     */
    boolean beforeCall(Operation operation, @Nullable String environment, AccountId account, String caller) {
        Duration delay = null;
        Fault fault = null;
        synchronized (this) {
            Rule slow = take(operation, environment, true);
            Rule failing = take(operation, environment, false);
            if (slow != null) {
                delay = slow.delay;
            }
            if (failing != null) {
                fault = failing.fault;
            }
        }
        if (delay != null) {
            clock.advance(delay);
        }
        if (fault == null) {
            return false;
        }
        String where = operation + " in account " + account + (environment == null ? "" : " (" + environment + ")");
        switch (fault) {
            case THROTTLED -> throw new BackendUnavailableException(
                    "ThrottlingException: Rate exceeded (injected fault) on " + where);
            case TIMEOUT -> throw new BackendUnavailableException(
                    "the call timed out before the service answered (injected fault) on " + where);
            case ACCESS_DENIED -> throw new AccessDeniedException("User: " + caller + " is not authorized to perform: "
                    + operation + " in account " + account + " (injected fault)");
            case CORRUPT_BYTES -> {
                return true;
            }
            default -> throw new IllegalStateException("unknown fault " + fault);
        }
    }

    private @Nullable Rule take(Operation operation, @Nullable String environment, boolean slowness) {
        for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
            Rule rule = it.next();
            if ((rule.delay != null) == slowness && rule.matches(operation, environment)) {
                if (--rule.remaining == 0) {
                    it.remove();
                }
                return rule;
            }
        }
        return null;
    }

    @Override
    public synchronized String toString() {
        return "Faults[" + pending() + " pending]";
    }
}
