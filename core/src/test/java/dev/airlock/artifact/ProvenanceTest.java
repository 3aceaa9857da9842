package dev.airlock.artifact;

import static dev.airlock.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProvenanceTest {
    private static final Instant BUILT = Instant.parse("2025-03-01T10:15:30Z");

    @Test
    void provenance_keepsEveryField() {
        Provenance p = new Provenance("https://github.com/acme/api", "3f2cd23", "build-1", "ci-bot", BUILT);

        assertEquals("https://github.com/acme/api", p.sourceRepository());
        assertEquals("3f2cd23", p.revision());
        assertEquals("build-1", p.buildId());
        assertEquals("ci-bot", p.builder());
        assertEquals(BUILT, p.builtAt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t", "\n "})
    void blankText_isRejectedNamingTheField(String blank) {
        assertRejected(() -> new Provenance(blank, "r", "b", "ci", BUILT), "sourceRepository", blank, "must not be blank");
        assertRejected(() -> new Provenance("repo", blank, "b", "ci", BUILT), "revision", blank, "must not be blank");
        assertRejected(() -> new Provenance("repo", "r", blank, "ci", BUILT), "buildId", blank, "must not be blank");
        assertRejected(() -> new Provenance("repo", "r", "b", blank, BUILT), "builder", blank, "must not be blank");
    }

    @Test
    void missingParts_areRejectedAsRequired() {
        assertRejected(() -> new Provenance(null, "r", "b", "ci", BUILT), "sourceRepository", "null", "is required");
        assertRejected(() -> new Provenance("repo", null, "b", "ci", BUILT), "revision", "null", "is required");
        assertRejected(() -> new Provenance("repo", "r", null, "ci", BUILT), "buildId", "null", "is required");
        assertRejected(() -> new Provenance("repo", "r", "b", null, BUILT), "builder", "null", "is required");
        assertRejected(() -> new Provenance("repo", "r", "b", "ci", null), "builtAt", "null", "is required");
    }

    @Test
    void equality_coversEveryField() {
        Provenance p = new Provenance("repo", "r1", "b1", "ci", BUILT);

        assertEquals(p, new Provenance("repo", "r1", "b1", "ci", BUILT));
        assertEquals(p.hashCode(), new Provenance("repo", "r1", "b1", "ci", BUILT).hashCode());
        assertNotEquals(p, new Provenance("other", "r1", "b1", "ci", BUILT));
        assertNotEquals(p, new Provenance("repo", "r2", "b1", "ci", BUILT));
        assertNotEquals(p, new Provenance("repo", "r1", "b2", "ci", BUILT));
        assertNotEquals(p, new Provenance("repo", "r1", "b1", "human", BUILT));
        assertNotEquals(p, new Provenance("repo", "r1", "b1", "ci", BUILT.plusSeconds(1)));
    }
}
