package dev.airlock.ledger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.AirlockException;
import dev.airlock.artifact.Digest;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The stored form of a ledger entry: one line of JSON with the fields always in the same order
 * (sequence, time, type, principal, environment, digest, promotionId, details, previousHash, hash)
 * and absent values written as {@code null}. Every ledger that stores text (the local JSON-lines
 * file, one object per entry in S3) uses this one encoding.
 *
 * <p>Reading is strict, because a ledger is evidence: unknown, repeated or missing fields, values
 * of the wrong kind and anything after the object are refused with a {@link MalformedEntryException}
 * that names the field and the rule. The hash is not checked here; that is
 * {@link LedgerChain#verify(List)}'s job, so a tampered entry can still be read and reported.
 */
public final class LedgerEntryCodec {
    private static final List<String> FIELDS = List.of("sequence", "time", "type", "principal", "environment",
            "digest", "promotionId", "details", "previousHash", "hash");
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private LedgerEntryCodec() {
    }

    /** One line of JSON, without a line terminator; control characters in values are escaped. */
    public static String toJson(LedgerEntry entry) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("sequence", entry.sequence());
            json.writeStringField("time", entry.time().toString());
            json.writeStringField("type", entry.type().name());
            json.writeStringField("principal", entry.principal());
            json.writeStringField("environment", entry.environment());
            json.writeStringField("digest", entry.digest() == null ? null : entry.digest().value());
            json.writeStringField("promotionId", entry.promotionId());
            json.writeObjectFieldStart("details");
            for (Map.Entry<String, String> detail : entry.details().entrySet()) {
                json.writeStringField(detail.getKey(), detail.getValue());
            }
            json.writeEndObject();
            json.writeStringField("previousHash", entry.previousHash());
            json.writeStringField("hash", entry.hash());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory cannot fail", e);
        }
        return out.toString();
    }

    /**
     * Reads one entry stored at {@code source}, such as {@code s3://bucket/key}, which a
     * {@link MalformedEntryException} then names.
     *
     * @throws MalformedEntryException naming the source and what is wrong
     */
    public static LedgerEntry fromJson(String json, String source) {
        try {
            return fromJson(json);
        } catch (MalformedEntryException e) {
            throw new MalformedEntryException(source, e.problem(), e.getCause());
        }
    }

    /**
     * Reads one entry written by {@link #toJson}.
     *
     * @throws MalformedEntryException naming what is wrong
     */
    public static LedgerEntry fromJson(String json) {
        JsonNode root = parse(json);
        if (!root.isObject()) {
            throw new MalformedEntryException("expected a JSON object, got " + describe(root), null);
        }
        ObjectNode object = (ObjectNode) root;
        for (Map.Entry<String, JsonNode> property : object.properties()) {
            String name = property.getKey();
            if (!FIELDS.contains(name)) {
                throw new MalformedEntryException("unknown field '" + name + "'; the fields are " + FIELDS, null);
            }
        }
        try {
            return new LedgerEntry(sequence(object), time(object), type(object), requiredText(object, "principal"),
                    optionalText(object, "environment"), digest(object), optionalText(object, "promotionId"),
                    details(object), requiredText(object, "previousHash"), requiredText(object, "hash"));
        } catch (MalformedEntryException e) {
            throw e;
        } catch (AirlockException e) {
            throw new MalformedEntryException(e.getMessage(), e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new MalformedEntryException("there is no JSON at all", null);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new MalformedEntryException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode field(ObjectNode object, String name) {
        JsonNode node = object.get(name);
        if (node == null) {
            throw new MalformedEntryException("missing field '" + name + "'", null);
        }
        return node;
    }

    private static long sequence(ObjectNode object) {
        JsonNode node = field(object, "sequence");
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw wrongKind("sequence", "a whole number", node);
        }
        return node.longValue();
    }

    private static Instant time(ObjectNode object) {
        String text = requiredText(object, "time");
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new MalformedEntryException("field 'time' must be an ISO-8601 instant such as "
                    + "2026-03-02T09:00:00Z, got " + describe(object.get("time")), e);
        }
    }

    private static EntryType type(ObjectNode object) {
        String text = requiredText(object, "type");
        try {
            return EntryType.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new MalformedEntryException("field 'type' must be one of " + Arrays.toString(EntryType.values())
                    + ", got " + describe(object.get("type")), e);
        }
    }

    private static @Nullable Digest digest(ObjectNode object) {
        String text = optionalText(object, "digest");
        return text == null ? null : Digest.parse(text);
    }

    private static Map<String, String> details(ObjectNode object) {
        JsonNode node = field(object, "details");
        if (!node.isObject()) {
            throw wrongKind("details", "an object of text values", node);
        }
        Map<String, String> details = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> detail : node.properties()) {
            if (!detail.getValue().isTextual()) {
                throw wrongKind("details." + detail.getKey(), "text", detail.getValue());
            }
            details.put(detail.getKey(), detail.getValue().textValue());
        }
        return details;
    }

    private static String requiredText(ObjectNode object, String name) {
        JsonNode node = field(object, name);
        if (!node.isTextual()) {
            throw wrongKind(name, "text", node);
        }
        return node.textValue();
    }

    private static @Nullable String optionalText(ObjectNode object, String name) {
        JsonNode node = field(object, name);
        if (node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw wrongKind(name, "text or null", node);
        }
        return node.textValue();
    }

    private static MalformedEntryException wrongKind(String field, String kind, JsonNode node) {
        return new MalformedEntryException("field '" + field + "' must be " + kind + ", got " + describe(node), null);
    }

    /** The offending value, shortened so a huge or hostile value cannot flood a message. */
    private static String describe(JsonNode node) {
        String text = node.toString();
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
