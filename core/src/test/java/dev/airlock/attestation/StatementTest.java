package dev.airlock.attestation;

import static dev.airlock.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.airlock.artifact.Digest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A statement binds one claim to exactly one digest; anything else in a signed payload is refused. */
class StatementTest {
    private static final String SHA = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static final Digest DIGEST = Digest.parse("sha256:" + SHA);

    private static final Statement PROVENANCE = new Statement("shop:1.4.2", DIGEST, PredicateTypes.PROVENANCE,
            Map.of("runDetails", Map.of("builder", Map.of("id", "ci@tooling"), "attempt", 3),
                    "resolvedDependencies", List.of(Map.of("uri", "git+github.com/acme/shop"))));

    @Test
    void toJson_thenParse_givesTheSameStatement() {
        assertEquals(PROVENANCE, Statement.parse(PROVENANCE.toJson()));
    }

    @Test
    void toJson_isTheSameBytesWhateverTheMapOrder() {
        // Signatures are over these bytes, so equal statements must encode identically.
        Map<String, Object> ab = new LinkedHashMap<>();
        ab.put("a", "1");
        ab.put("b", "2");
        Map<String, Object> ba = new LinkedHashMap<>();
        ba.put("b", "2");
        ba.put("a", "1");

        assertArrayEquals(new Statement("x", DIGEST, "t", ab).toJson(), new Statement("x", DIGEST, "t", ba).toJson());
    }

    @Test
    void parse_ofAnotherStatementType_isRefused() {
        assertRejected(() -> parse(json("https://in-toto.io/Statement/v0.1", subject(SHA), "{}")),
                "_type", "https://in-toto.io/Statement/v0.1", "must be " + Statement.TYPE);
        assertRejected(() -> parse("{\"subject\":[]}"), "_type", "null", "must be " + Statement.TYPE);
        assertRejected(() -> parse("[]"), "_type", "null", "must be " + Statement.TYPE);
    }

    @Test
    void parse_ofNoneOrSeveralSubjects_isRefused() {
        assertRejected(() -> parse(json(Statement.TYPE, "", "{}")), "subject", "[]",
                "must name exactly one artifact");
        String two = subject(SHA) + "," + subject(SHA.replace('a', 'b'));
        assertRejected(() -> parse(json(Statement.TYPE, two, "{}")), "subject", "[" + two + "]",
                "must name exactly one artifact");
    }

    @Test
    void parse_ofASubjectWithoutSha256_isRefused() {
        assertRejected(() -> parse(json(Statement.TYPE, "{\"name\":\"x\",\"digest\":{\"sha512\":\"00\"}}", "{}")),
                "subject.digest.sha256", "", "is required");
    }

    @Test
    void parse_ofAPredicateThatIsNotAnObject_isRefused() {
        assertRejected(() -> parse(json(Statement.TYPE, subject(SHA), "[\"approve\"]")), "predicate",
                "[\"approve\"]", "must be an object with a predicateType");
        assertRejected(() -> parse(json(Statement.TYPE, subject(SHA), "\"approve\"")), "predicate",
                "\"approve\"", "must be an object with a predicateType");
    }

    @Test
    void parse_ofBytesThatAreNotJson_isRefused() {
        assertRejected(() -> parse("approve shop"), "statement", "(12 bytes)", "is not JSON");
    }

    @Test
    void field_readsNestedScalars_andNothingElse() {
        assertEquals("ci@tooling", PROVENANCE.field("runDetails.builder.id"));
        assertEquals("3", PROVENANCE.field("runDetails.attempt"));
        assertNull(PROVENANCE.field("runDetails.builder"), "an object is not a field value");
        assertNull(PROVENANCE.field("resolvedDependencies"), "nor is a list");
        assertNull(PROVENANCE.field("runDetails.builder.id.more"), "a path through a scalar");
        assertNull(PROVENANCE.field("runDetails.missing"));
    }

    private static Statement parse(String json) {
        return Statement.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String subject(String sha) {
        return "{\"name\":\"shop\",\"digest\":{\"sha256\":\"" + sha + "\"}}";
    }

    private static String json(String type, String subjects, String predicate) {
        return "{\"_type\":\"" + type + "\",\"subject\":[" + subjects + "],\"predicateType\":\""
                + PredicateTypes.APPROVAL + "\",\"predicate\":" + predicate + "}";
    }
}
