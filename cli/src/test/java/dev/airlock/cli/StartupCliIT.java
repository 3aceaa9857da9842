package dev.airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How ./airlock starts: from the class-data-sharing archive the build made, and without AWS on a local backend. */
class StartupCliIT {
    @TempDir
    Path dir;

    private String[] localStatus() {
        return new String[] {"status", "--config", AirlockScript.ROOT.resolve("examples/config/airlock.yaml").toString(),
                "--state", dir.resolve("state").toString()};
    }

    /** The JVM's log of every class it loaded, one line each: {@code [...] NAME source: WHERE}. */
    private List<String> classesLoadedBy(String... args) throws IOException {
        Path log = dir.resolve("classes.log");
        AirlockScript.Result result = AirlockScript.run(
                Map.of("AIRLOCK_JAVA_OPTS", "-Xlog:class+load=info:file=" + log), args);
        assertEquals(0, result.exitCode(), result.all());
        return Files.readAllLines(log);
    }

    @Test
    void statusOnTheLocalBackend_loadsNoAwsSdkClass_thoughTheAwsProviderIsFound() throws IOException {
        List<String> loaded = classesLoadedBy(localStatus());

        assertTrue(loaded.stream().anyMatch(line -> line.contains(" dev.airlock.aws.AwsBackendProvider ")),
                "airlock-aws is on the class path and its provider was found");
        assertEquals(List.of(), loaded.stream().filter(line -> line.contains(" software.amazon.awssdk.")).toList());
    }

    @Test
    void theLauncher_startsFromTheArchiveTheBuildMade() throws IOException {
        assertTrue(Files.isRegularFile(AirlockScript.ROOT.resolve("cli/target/airlock.jsa")));

        List<String> loaded = classesLoadedBy(localStatus());

        String cli = loaded.stream().filter(line -> line.contains(" dev.airlock.cli.AirlockCli ")).findFirst()
                .orElseThrow();
        assertTrue(cli.endsWith("source: shared objects file"), cli);
    }

    @Test
    void anArchiveTheJvmCannotUse_isIgnoredWithoutAWord() throws IOException {
        Path foreign = Files.writeString(dir.resolve("foreign.jsa"), "not an archive of this JVM");

        AirlockScript.Result result = AirlockScript.run(
                Map.of("AIRLOCK_JAVA_OPTS", "-XX:SharedArchiveFile=" + foreign), localStatus());

        assertEquals(0, result.exitCode(), result.all());
        assertEquals("", result.err());
        assertTrue(result.out().contains("(nothing promoted yet)"), result.out());
    }
}
