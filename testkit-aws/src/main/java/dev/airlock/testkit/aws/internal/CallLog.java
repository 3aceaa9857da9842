package dev.airlock.testkit.aws.internal;

import dev.airlock.testkit.aws.AwsCall;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Every call the fake clients handled, in arrival order. Thread-safe. */
public final class CallLog {
    private final ConcurrentLinkedQueue<AwsCall> calls = new ConcurrentLinkedQueue<>();

    public void add(AwsCall call) {
        calls.add(call);
    }

    /** A snapshot of the calls so far. */
    public List<AwsCall> snapshot() {
        return List.copyOf(calls);
    }

    public void clear() {
        calls.clear();
    }
}
