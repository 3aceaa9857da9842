package dev.airlock.artifact;

import static dev.airlock.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArtifactTest {
    private static final Digest DIGEST = Digest.of("payments-api".getBytes(StandardCharsets.UTF_8));
    private static final Provenance PROVENANCE = new Provenance("https://github.com/acme/payments", "3f2cd23",
            "build-481", "arn:aws:iam::111111111111:role/ci", Instant.parse("2025-03-01T10:15:30Z"));
    private static final String MEDIA_TYPE = "application/vnd.oci.image.manifest.v1+json";

    private static Artifact artifact(String name, String version) {
        return new Artifact(name, version, ArtifactKind.CONTAINER_IMAGE, DIGEST, 1234, MEDIA_TYPE, PROVENANCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"payments-api", "a", "0", "acme/payments/api", "lib.core_v2"})
    void name_withinTheRules_isAccepted(String name) {
        assertEquals(name, artifact(name, "1.0.0").name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Payments", "-api", ".hidden", "/root", "api:latest", "api@sha256", "a b", "apí"})
    void name_breakingTheRules_isRejected(String name) {
        assertRejected(() -> artifact(name, "1.0.0"), "name", name,
                "must be 1-128 characters of lowercase letters, digits and ._/- starting with a letter or digit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0.0", "v2", "2025.03.01-rc.1", "1.0.0+build.7", "A"})
    void version_withinTheRules_isAccepted(String version) {
        assertEquals(version, artifact("api", version).version());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1", ".1", "1.0 beta", "1.0/2", "1:0", "1.0@2"})
    void version_breakingTheRules_isRejected(String version) {
        assertRejected(() -> artifact("api", version), "version", version,
                "must be 1-128 characters of letters, digits and ._+- starting with a letter or digit");
    }

    @Test
    void nameAndVersion_ofExactly128Characters_areAccepted() {
        Artifact artifact = artifact("n".repeat(128), "9".repeat(128));

        assertEquals(128, artifact.name().length());
        assertEquals(128, artifact.version().length());
    }

    @Test
    void nameAndVersion_longerThan128Characters_areRejected() {
        String name = "n".repeat(129);
        String version = "9".repeat(129);

        assertRejected(() -> artifact(name, "1"), "name", name, "must be 1-128 characters");
        assertRejected(() -> artifact("api", version), "version", version, "must be 1-128 characters");
    }

    @Test
    void size_negative_isRejected() {
        assertRejected(() -> new Artifact("api", "1", ArtifactKind.FILE, DIGEST, -1, MEDIA_TYPE, PROVENANCE),
                "size", "-1", "must not be negative");
    }

    @Test
    void size_zero_isAccepted() {
        assertEquals(0, new Artifact("api", "1", ArtifactKind.FILE, DIGEST, 0, "text/plain", PROVENANCE).size());
    }

    @Test
    void requiredParts_whenNull_areRejectedByName() {
        assertRejected(() -> new Artifact(null, "1", ArtifactKind.FILE, DIGEST, 1, MEDIA_TYPE, PROVENANCE),
                "name", "null", "is required");
        assertRejected(() -> new Artifact("api", null, ArtifactKind.FILE, DIGEST, 1, MEDIA_TYPE, PROVENANCE),
                "version", "null", "is required");
        assertRejected(() -> new Artifact("api", "1", null, DIGEST, 1, MEDIA_TYPE, PROVENANCE),
                "kind", "null", "is required");
        assertRejected(() -> new Artifact("api", "1", ArtifactKind.FILE, null, 1, MEDIA_TYPE, PROVENANCE),
                "digest", "null", "is required");
        assertRejected(() -> new Artifact("api", "1", ArtifactKind.FILE, DIGEST, 1, null, PROVENANCE),
                "mediaType", "null", "is required");
        assertRejected(() -> new Artifact("api", "1", ArtifactKind.FILE, DIGEST, 1, MEDIA_TYPE, null),
                "provenance", "null", "is required");
    }

    @Test
    void label_showsNameVersionAndShortDigest() {
        assertEquals("payments-api:1.4.2@" + DIGEST.shortForm(), artifact("payments-api", "1.4.2").label());
    }

    @Test
    void equality_coversEveryField() {
        Artifact artifact = artifact("api", "1.0.0");

        assertEquals(artifact, artifact("api", "1.0.0"));
        assertEquals(artifact.hashCode(), artifact("api", "1.0.0").hashCode());
        assertNotEquals(artifact, artifact("api", "1.0.1"));
        assertNotEquals(artifact, artifact("web", "1.0.0"));
        assertNotEquals(artifact, new Artifact("api", "1.0.0", ArtifactKind.CONTAINER_IMAGE,
                Digest.of(new byte[0]), 1234, MEDIA_TYPE, PROVENANCE));
    }

    @ParameterizedTest
    @EnumSource(ArtifactKind.class)
    void kind_parsesItsConfigName(ArtifactKind kind) {
        assertEquals(kind, ArtifactKind.parse(kind.configName()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "image", "CONTAINER_IMAGE", "File"})
    void kind_unknownName_isRejected(String name) {
        assertRejected(() -> ArtifactKind.parse(name), "kind", name, "must be one of container-image, file");
    }
}
