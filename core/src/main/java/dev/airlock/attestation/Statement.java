package dev.airlock.attestation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.InvalidValueException;
import dev.airlock.artifact.Digest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An in-toto Statement (v1) about one artifact: its subject is the artifact's digest, its predicate
 * type says what kind of claim it is ({@link PredicateTypes}) and the predicate holds the claim.
 *
 * @param subjectName   the artifact's name (informative)
 * @param subject       the artifact's digest, which the claim is bound to
 * @param predicateType the claim's type URI
 * @param predicate     the claim, as JSON-like maps, lists and scalars
 */
public record Statement(String subjectName, Digest subject, String predicateType, Map<String, Object> predicate) {
    /** The in-toto Statement type this build writes and reads. */
    public static final String TYPE = "https://in-toto.io/Statement/v1";
    /** DSSE's payload type for in-toto Statements. */
    public static final String PAYLOAD_TYPE = "application/vnd.in-toto+json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    public Statement {
        InvalidValueException.requireNonNull("subjectName", subjectName);
        InvalidValueException.requireNonNull("subject", subject);
        InvalidValueException.requireNonNull("predicateType", predicateType);
        predicate = Map.copyOf(predicate);
    }

    /** The statement as JSON bytes, keys sorted: the payload that is signed. */
    public byte[] toJson() {
        ObjectNode root = JSON.createObjectNode().put("_type", TYPE);
        ObjectNode subjectNode = root.putArray("subject").addObject().put("name", subjectName);
        subjectNode.putObject("digest").put("sha256", subject.hex());
        root.put("predicateType", predicateType);
        root.set("predicate", JSON.valueToTree(predicate));
        try {
            return JSON.writeValueAsString(JSON.treeToValue(root, Object.class)).getBytes(StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a statement always encodes", e);
        }
    }

    /**
     * Reads a statement; exactly one subject with a {@code sha256} digest is accepted.
     *
     * @throws InvalidValueException naming the field that is missing or malformed
     */
    public static Statement parse(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new InvalidValueException("statement", "(" + json.length + " bytes)", "is not JSON");
        }
        if (root == null || !root.isObject() || !TYPE.equals(root.path("_type").asText())) {
            throw new InvalidValueException("_type", root == null ? null : root.path("_type").asText(null),
                    "must be " + TYPE);
        }
        JsonNode subjects = root.path("subject");
        if (!subjects.isArray() || subjects.size() != 1) {
            throw new InvalidValueException("subject", subjects, "must name exactly one artifact");
        }
        JsonNode sha = subjects.get(0).path("digest").path("sha256");
        if (!sha.isTextual()) {
            throw new InvalidValueException("subject.digest.sha256", sha, "is required");
        }
        JsonNode predicate = root.path("predicate");
        if (!predicate.isObject() || !root.path("predicateType").isTextual()) {
            throw new InvalidValueException("predicate", predicate, "must be an object with a predicateType");
        }
        return new Statement(subjects.get(0).path("name").asText(""), Digest.parse("sha256:" + sha.asText()),
                root.get("predicateType").asText(), JSON.convertValue(predicate, new TypeReference<Map<String, Object>>() {
                }));
    }

    /** A predicate value by dotted path ({@code runDetails.builder.id}) as text, or null. */
    public @Nullable String field(String path) {
        Object node = predicate;
        for (String part : path.split("\\.")) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(part);
        }
        return node == null || node instanceof Map || node instanceof java.util.List ? null : node.toString();
    }
}
