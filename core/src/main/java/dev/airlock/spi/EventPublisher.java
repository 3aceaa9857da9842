package dev.airlock.spi;

import dev.airlock.event.AirlockEvent;
import java.util.List;

/**
 * Sends events somewhere people or systems listen (EventBridge, SNS, a chat hook). Called from the
 * event dispatcher's own thread, never the promoting one, with events in ledger order; a publisher
 * retries as it sees fit, for a bounded time, and throws when it gives up: the dispatcher logs it
 * and goes on, since a lost event must never fail or stall a promotion.
 */
public interface EventPublisher extends AutoCloseable {

    /** Sends {@code events}, at most {@link #maxBatch()} of them. */
    void publish(List<AirlockEvent> events);

    /** How many events one {@link #publish} call takes. */
    default int maxBatch() {
        return 10;
    }

    /** Releases clients the publisher opened; never throws checked exceptions. */
    @Override
    default void close() {
    }
}
