package dev.airlock.aws;

import dev.airlock.aws.internal.PublishRetry;
import dev.airlock.event.AirlockEvent;
import dev.airlock.spi.EventPublisher;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Publishes events to an EventBridge bus with {@code PutEvents} (10 entries per call): source
 * {@value #SOURCE}, detail-type the event's type, detail its JSON, so rules can match on
 * {@code detail-type} or any field. Entries the bus did not take are retried; entries over
 * EventBridge's 256 KB limit are logged and left out.
 */
public final class EventBridgeEventPublisher implements EventPublisher {
    /** The {@code source} of every entry. */
    public static final String SOURCE = "dev.airlock";
    static final int MAX_ENTRY_BYTES = 256 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(EventBridgeEventPublisher.class);

    private final EventBridgeClient events;
    private final String bus;
    private final PublishRetry retry;
    private final boolean ownsClient;
    private final Duration callTimeout;

    /**
     * @param bus        the bus name or ARN
     * @param maxAttempts attempts per batch (transient failures and entries not taken)
     * @param callTimeout how long one call may take, all its HTTP attempts together
     * @param ownsClient whether {@link #close()} closes {@code events}
     */
    public EventBridgeEventPublisher(EventBridgeClient events, String bus, int maxAttempts, Duration callTimeout,
            boolean ownsClient) {
        this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout");
        this.events = Objects.requireNonNull(events, "events");
        this.bus = Objects.requireNonNull(bus, "bus");
        this.retry = new PublishRetry("eventbridge-events", maxAttempts);
        this.ownsClient = ownsClient;
    }

    @Override
    public void publish(List<AirlockEvent> batch) {
        List<PutEventsRequestEntry> pending = new ArrayList<>();
        for (AirlockEvent event : batch) {
            PutEventsRequestEntry entry = PutEventsRequestEntry.builder().eventBusName(bus).source(SOURCE)
                    .detailType(event.type().wireName()).detail(event.toJson()).time(event.time()).build();
            if (size(entry) > MAX_ENTRY_BYTES) {
                LOG.warn("event {} ({}) is larger than EventBridge's 256 KB entry limit; not published", event.id(),
                        event.type().wireName());
                continue;
            }
            pending.add(entry);
        }
        if (pending.isEmpty()) {
            return;
        }
        retry.run(() -> {
            PutEventsResponse response = events.putEvents(b -> b.entries(pending)
                    .overrideConfiguration(o -> o.apiCallTimeout(callTimeout)));
            if (response.failedEntryCount() == null || response.failedEntryCount() == 0) {
                pending.clear();
                return;
            }
            // Results are in request order; keep the entries that failed for the next attempt.
            List<PutEventsRequestEntry> failed = new ArrayList<>();
            List<String> codes = new ArrayList<>();
            for (int i = 0; i < response.entries().size() && i < pending.size(); i++) {
                PutEventsResultEntry result = response.entries().get(i);
                if (result.errorCode() != null) {
                    failed.add(pending.get(i));
                    codes.add(result.errorCode());
                }
            }
            pending.clear();
            pending.addAll(failed);
            throw new PublishRetry.PartialFailure(failed.size() + " event(s) not taken by bus " + bus + ": " + codes);
        });
    }

    /** An entry's size as EventBridge counts it: source, detail-type, detail and resources, in UTF-8 bytes. */
    static int size(PutEventsRequestEntry entry) {
        int size = 14; // the time field, when set
        size += entry.source().getBytes(StandardCharsets.UTF_8).length;
        size += entry.detailType().getBytes(StandardCharsets.UTF_8).length;
        size += entry.detail().getBytes(StandardCharsets.UTF_8).length;
        for (String resource : entry.resources()) {
            size += resource.getBytes(StandardCharsets.UTF_8).length;
        }
        return size;
    }

    @Override
    public void close() {
        if (ownsClient) {
            events.close();
        }
    }

    @Override
    public String toString() {
        return "EventBridgeEventPublisher[" + bus + "]";
    }
}
