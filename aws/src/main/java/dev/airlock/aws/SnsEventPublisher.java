package dev.airlock.aws;

import dev.airlock.aws.internal.PublishRetry;
import dev.airlock.event.AirlockEvent;
import dev.airlock.spi.EventPublisher;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;

/**
 * Publishes events to an SNS topic with {@code PublishBatch} (10 per call), each message the event's
 * JSON with a {@code type} message attribute for subscription filters. Entries the topic did not take
 * are retried; messages over SNS's 256 KB limit are logged and left out.
 */
public final class SnsEventPublisher implements EventPublisher {
    static final int MAX_MESSAGE_BYTES = 256 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(SnsEventPublisher.class);

    private final SnsClient sns;
    private final String topicArn;
    private final PublishRetry retry;
    private final boolean ownsClient;
    private final Duration callTimeout;

    /**
     * @param maxAttempts attempts per batch (transient failures and entries not taken)
     * @param callTimeout how long one call may take, all its HTTP attempts together
     * @param ownsClient whether {@link #close()} closes {@code sns}
     */
    public SnsEventPublisher(SnsClient sns, String topicArn, int maxAttempts, Duration callTimeout,
            boolean ownsClient) {
        this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout");
        this.sns = Objects.requireNonNull(sns, "sns");
        this.topicArn = Objects.requireNonNull(topicArn, "topicArn");
        this.retry = new PublishRetry("sns-events", maxAttempts);
        this.ownsClient = ownsClient;
    }

    @Override
    public void publish(List<AirlockEvent> events) {
        Map<String, PublishBatchRequestEntry> pending = new ConcurrentHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            AirlockEvent event = events.get(i);
            String json = event.toJson();
            if (json.getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE_BYTES) {
                LOG.warn("event {} ({}) is larger than SNS's 256 KB limit; not published", event.id(),
                        event.type().wireName());
                continue;
            }
            String id = Integer.toString(i); // batch ids: unique within the call, [A-Za-z0-9_-]{1,80}
            pending.put(id, PublishBatchRequestEntry.builder().id(id).message(json).messageAttributes(Map.of("type",
                    MessageAttributeValue.builder().dataType("String").stringValue(event.type().wireName()).build()))
                    .build());
        }
        if (pending.isEmpty()) {
            return;
        }
        retry.run(() -> {
            PublishBatchResponse response = sns.publishBatch(b -> b.topicArn(topicArn)
                    .overrideConfiguration(o -> o.apiCallTimeout(callTimeout))
                    .publishBatchRequestEntries(new ArrayList<>(pending.values())));
            response.successful().forEach(ok -> pending.remove(ok.id()));
            if (!pending.isEmpty()) {
                throw new PublishRetry.PartialFailure(pending.size() + " event(s) not taken by " + topicArn + ": "
                        + response.failed().stream().map(f -> f.code()).distinct().toList());
            }
        });
    }

    @Override
    public void close() {
        if (ownsClient) {
            sns.close();
        }
    }

    @Override
    public String toString() {
        return "SnsEventPublisher[" + topicArn + "]";
    }
}
