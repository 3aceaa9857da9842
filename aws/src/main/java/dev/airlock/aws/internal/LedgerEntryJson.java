package dev.airlock.aws.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.AirlockException;
import dev.airlock.artifact.Digest;
import dev.airlock.ledger.EntryType;
import dev.airlock.ledger.LedgerEntry;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON form of one ledger entry as the S3 ledger stores it: every field, always in the same
 * order, absent values as {@code null}. The hash is not checked here; chain verification does that.
 */
public final class LedgerEntryJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LedgerEntryJson() {
    }

    public static String write(LedgerEntry entry) {
        ObjectNode node = JSON.createObjectNode();
        node.put("sequence", entry.sequence());
        node.put("time", entry.time().toString());
        node.put("type", entry.type().name());
        node.put("principal", entry.principal());
        node.put("environment", entry.environment());
        node.put("digest", entry.digest() == null ? null : entry.digest().value());
        node.put("promotionId", entry.promotionId());
        ObjectNode details = node.putObject("details");
        entry.details().forEach(details::put);
        node.put("previousHash", entry.previousHash());
        node.put("hash", entry.hash());
        return node.toString();
    }

    /** Parses what {@link #write} wrote; {@code source} names where it came from, for the error message. */
    public static LedgerEntry read(String json, String source) {
        try {
            JsonNode node = JSON.readTree(json);
            Map<String, String> details = new LinkedHashMap<>();
            node.path("details").properties().forEach(e -> details.put(e.getKey(), e.getValue().asText()));
            String digest = text(node, "digest");
            return new LedgerEntry(node.get("sequence").asLong(), Instant.parse(node.get("time").asText()),
                    EntryType.valueOf(node.get("type").asText()), node.get("principal").asText(),
                    text(node, "environment"), digest == null ? null : Digest.parse(digest),
                    text(node, "promotionId"), details, node.get("previousHash").asText(), node.get("hash").asText());
        } catch (JsonProcessingException | RuntimeException e) {
            throw new AirlockException("ledger entry at " + source + " is not a valid entry: " + e.getMessage(), e);
        }
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
