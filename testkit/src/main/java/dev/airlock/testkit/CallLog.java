package dev.airlock.testkit;

import dev.airlock.InvalidValueException;
import dev.airlock.environment.AccountId;
import java.util.ArrayList;
import java.util.List;

/**
 * Every call the in-memory ports received, oldest first, so a test can check what its code made the
 * backend do: which operations, in which accounts, on whose behalf. Thread-safe; queries return
 * snapshots.
 */
public final class CallLog {
    private final List<CallRecord> records = new ArrayList<>();

    /** An empty log. */
    public CallLog() {
    }

    synchronized void add(CallRecord record) {
        records.add(record);
    }

    /** Every call, oldest first. */
    public synchronized List<CallRecord> all() {
        return List.copyOf(records);
    }

    /** The calls of one operation, oldest first. */
    public synchronized List<CallRecord> of(Operation operation) {
        InvalidValueException.requireNonNull("operation", operation);
        return records.stream().filter(r -> r.operation() == operation).toList();
    }

    /** The calls that acted in {@code account}, oldest first. */
    public synchronized List<CallRecord> inAccount(AccountId account) {
        InvalidValueException.requireNonNull("account", account);
        return records.stream().filter(r -> r.account().equals(account)).toList();
    }

    /** How many calls of {@code operation} there were, failed ones included. */
    public synchronized long count(Operation operation) {
        InvalidValueException.requireNonNull("operation", operation);
        return records.stream().filter(r -> r.operation() == operation).count();
    }

    /** Forgets every call, e.g. after a test's setup so only the behaviour under test is checked. */
    public synchronized void clear() {
        records.clear();
    }

    @Override
    public synchronized String toString() {
        return "CallLog[" + records.size() + " calls]";
    }
}
