package dev.airlock.ledger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.InvalidValueException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The one JSON encoding of a {@link Checkpoint}, for every backend. Reading is strict: a checkpoint a
 * reader cannot take at its word is tampering, reported as a {@link LedgerTamperedException} that names
 * where it is stored.
 */
public final class CheckpointCodec {
    private static final List<String> FIELDS = List.of("version", "sequence", "headHash", "writtenAt", "state", "hash");
    private static final String SIGNATURE = "signature";
    // The state is one JSON string that grows with the history (about 20 MB at 150,000 entries); under
    // Jackson's default cap of 20,000,000 characters per string a healthy ledger would read as tampered.
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private CheckpointCodec() {
    }

    public static String toJson(Checkpoint checkpoint) {
        StringWriter out = new StringWriter(checkpoint.state().length() + 256);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("version", checkpoint.version());
            json.writeNumberField("sequence", checkpoint.sequence());
            json.writeStringField("headHash", checkpoint.headHash());
            json.writeStringField("writtenAt", checkpoint.writtenAt().toString());
            json.writeStringField("state", checkpoint.state());
            json.writeStringField("hash", checkpoint.hash());
            if (checkpoint.signature() != null) {
                json.writeStringField(SIGNATURE, checkpoint.signature());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory cannot fail", e);
        }
        return out.toString();
    }

    /**
     * Reads a checkpoint stored at {@code source} and checks its hash.
     *
     * @throws LedgerTamperedException naming {@code source} when it is not an intact checkpoint
     */
    public static Checkpoint fromJson(String json, String source) {
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || !root.isObject()) {
                throw refused(source, "it is not a JSON object");
            }
            for (Map.Entry<String, JsonNode> property : root.properties()) {
                if (!FIELDS.contains(property.getKey()) && !SIGNATURE.equals(property.getKey())) {
                    throw refused(source, "unknown field '" + property.getKey() + "'; the fields are " + FIELDS);
                }
            }
            for (String field : FIELDS) {
                if (!root.hasNonNull(field)) {
                    throw refused(source, "missing field '" + field + "'");
                }
            }
            if (!root.get("version").canConvertToInt() || !root.get("sequence").canConvertToLong()) {
                throw refused(source, "version and sequence must be whole numbers");
            }
            if (root.get("version").asInt() != Checkpoint.VERSION) {
                throw refused(source, "format version " + root.get("version").asText() + " is not "
                        + Checkpoint.VERSION + ", the one this build reads");
            }
            Checkpoint checkpoint = new Checkpoint(root.get("version").asInt(), root.get("sequence").asLong(),
                    root.get("headHash").asText(), Instant.parse(root.get("writtenAt").asText()),
                    root.get("state").asText(), root.get("hash").asText(),
                    root.hasNonNull(SIGNATURE) ? root.get(SIGNATURE).asText() : null);
            if (!checkpoint.intact()) {
                throw refused(source, "its hash does not match its content: it was edited");
            }
            return checkpoint;
        } catch (JsonProcessingException e) {
            throw refused(source, "not valid JSON: " + e.getOriginalMessage());
        } catch (DateTimeParseException | InvalidValueException e) {
            throw refused(source, e.getMessage());
        }
    }

    private static LedgerTamperedException refused(String source, String problem) {
        return new LedgerTamperedException(new BrokenLink(0, 0, BrokenLink.Kind.CHECKPOINT_MISMATCH,
                "checkpoint " + source + " cannot be trusted: " + problem));
    }
}
