package dev.airlock.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.InvalidValueException;
import dev.airlock.artifact.ArtifactKind;
import dev.airlock.artifact.Digest;
import dev.airlock.guardrail.Decision;
import dev.airlock.guardrail.Outcome;
import dev.airlock.guardrail.StatementResult;
import dev.airlock.promotion.PromotionResult;
import dev.airlock.promotion.PromotionResult.Status;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the goals read their parameters and what each answer does to the build. */
class ParametersTest {
    static final Digest DIGEST = Digest.of(new byte[] {1, 2, 3});

    @TempDir
    Path dir;

    @Test
    void digest_parameterFirst_thenTheExportedFile_elseNone() throws Exception {
        Path file = dir.resolve("target/airlock.digest");
        assertEquals(Optional.empty(), DigestExport.find(null, file));

        Properties project = new Properties();
        DigestExport.export(DIGEST, file, project);
        assertEquals(DIGEST.value(), project.getProperty("airlock.digest"));
        assertEquals(DIGEST.value() + "\n", Files.readString(file));
        assertEquals(Optional.of(DIGEST), DigestExport.find(" ", file));

        Digest other = Digest.of(new byte[] {9});
        assertEquals(Optional.of(other), DigestExport.find(other.value(), file));
    }

    @Test
    void aMalformedDigest_namesTheParameterAndTheRule() {
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> DigestExport.find("sha256:XYZ", dir.resolve("none")));

        assertEquals("digest", e.field());
        assertTrue(e.getMessage().contains("64 lowercase hex"), e.getMessage());
    }

    @Test
    void file_missingOrNotRegular_isRefusedNamingIt() {
        assertEquals("file", assertThrows(InvalidValueException.class, () -> RegisterMojo.requireFile(null)).field());
        File missing = dir.resolve("missing.jar").toFile();
        assertTrue(assertThrows(InvalidValueException.class, () -> RegisterMojo.requireFile(missing)).getMessage()
                .contains("does not exist"));
        assertTrue(assertThrows(InvalidValueException.class, () -> RegisterMojo.requireFile(dir.toFile())).getMessage()
                .contains("is not a regular file"));
    }

    @Test
    void mediaType_followsKindAndFile() {
        assertEquals("application/java-archive", RegisterMojo.defaultMediaType(ArtifactKind.FILE, "a.jar"));
        assertEquals("application/octet-stream", RegisterMojo.defaultMediaType(ArtifactKind.FILE, "a.tgz"));
        assertEquals("application/vnd.oci.image.manifest.v1+json",
                RegisterMojo.defaultMediaType(ArtifactKind.CONTAINER_IMAGE, "manifest.json"));
    }

    @Test
    void pending_failsOrPasses_perFailOnPending_sayingWhatIsMissing() {
        PromotionResult pending = result(Status.PENDING, Outcome.PENDING, StatementResult.Verdict.UNMET);

        Verdicts.Answer strict = Verdicts.of(pending, true);
        Verdicts.Answer lenient = Verdicts.of(pending, false);

        assertTrue(strict.fails());
        assertFalse(lenient.fails());
        assertTrue(strict.message().contains("PENDING: soak: 2h remaining"), strict.message());
        assertTrue(strict.message().contains("failOnPending=false"), strict.message());
        assertTrue(lenient.message().contains("airlock reconcile"), lenient.message());
    }

    @Test
    void denied_alwaysFails_andPromotedOrAlreadyPromoted_pass() {
        assertTrue(Verdicts.of(result(Status.DENIED, Outcome.DENIED, StatementResult.Verdict.DENIES), false).fails());
        assertFalse(Verdicts.of(result(Status.PROMOTED, Outcome.ALLOWED, StatementResult.Verdict.PASSES), true).fails());
        assertFalse(Verdicts.of(result(Status.ALREADY_PROMOTED, Outcome.ALLOWED, StatementResult.Verdict.PASSES), true)
                .fails());
    }

    private static PromotionResult result(Status status, Outcome outcome, StatementResult.Verdict verdict) {
        Decision decision = new Decision(outcome, false, List.of(new StatementResult("soak", "tier:production", verdict,
                "2h remaining")));
        return new PromotionResult("p-1", status, decision, DIGEST, "prod", "test", null, 0);
    }
}
