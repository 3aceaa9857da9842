package dev.airlock.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.InvalidValueException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One event, in the form {@code docs/events.schema.json} describes (schema {@value #SCHEMA}).
 *
 * @param id          unique and stable: the same ledger entry always gives the same id, so consumers can
 *                    drop the duplicates retries may deliver
 * @param type        what happened
 * @param time        when it was recorded
 * @param sequence    the ledger entry's sequence number (for tampering, the first untrusted one)
 * @param promotionId the promotion concerned, or null
 * @param environment the environment concerned, or null
 * @param digest      the artifact's digest, or null
 * @param principal   who acted, or null
 * @param data        what the type adds: text values, lists of text, or (for {@code missing}) a list of objects
 */
public record AirlockEvent(String id, EventType type, Instant time, long sequence, @Nullable String promotionId,
        @Nullable String environment, @Nullable String digest, @Nullable String principal, Map<String, Object> data) {
    /** The schema (and version) every event names. */
    public static final String SCHEMA = "https://airlock.dev/schemas/event/v2";
    private static final ObjectMapper JSON = new ObjectMapper();

    public AirlockEvent {
        InvalidValueException.requireNonNull("id", id);
        InvalidValueException.requireNonNull("type", type);
        InvalidValueException.requireNonNull("time", time);
        data = Map.copyOf(data);
    }

    /** The event as one JSON document. */
    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schema", SCHEMA);
        json.put("id", id);
        json.put("type", type.wireName());
        json.put("time", time.toString());
        json.put("sequence", sequence);
        json.put("promotionId", promotionId);
        json.put("environment", environment);
        json.put("digest", digest);
        json.put("principal", principal);
        json.put("data", new java.util.TreeMap<>(data));
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode event " + id, e);
        }
    }
}
