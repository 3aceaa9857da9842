package dev.airlock.promotion;

import static dev.airlock.promotion.EngineFixture.ALICE;
import static dev.airlock.promotion.EngineFixture.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.airlock.artifact.ArtifactKind;
import dev.airlock.artifact.Provenance;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Other bytes under a registered name and version are refused, and the store keeps no trace of them. */
class RegisterConflictTest {
    @TempDir
    Path root;

    @Test
    void register_otherBytesUnderARegisteredVersion_isRefusedAndLeavesNothingInTheStore() throws IOException {
        PromotionEngine engine = new EngineFixture(root).engine();
        register(engine, "the bytes that were built");
        List<Path> before = files();

        assertThrows(ImmutabilityViolationException.class, () -> register(engine, "other bytes"));

        assertEquals(before, files());
        assertEquals(1, before.stream().filter(p -> p.getParent().endsWith("sha256")).count(), before::toString);
    }

    private static void register(PromotionEngine engine, String content) {
        engine.register(new ArtifactRegistration("payments-api", "1.0.0", ArtifactKind.FILE, "application/java-archive",
                new Provenance("git@example.com:acme/payments.git", "c0ffee", "build-1", "ci@acme", T0)),
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), ALICE);
    }

    /** Every file under the artifact store's directory, temporary ones included. */
    private List<Path> files() throws IOException {
        try (Stream<Path> all = Files.walk(root.resolve("artifacts"))) {
            return all.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
