package dev.airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The local backend's directory comes from --state, else backend.state of the file, else .airlock beside it. */
class BackendChoiceTest {
    @TempDir
    Path dir;

    private int run(String... args) {
        CommandLine cli = AirlockCli.commandLine();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        assertEquals(0, exit, err::toString);
        return exit;
    }

    private Path config(String backend) throws IOException {
        String sample = Files.readString(AirlockScript.ROOT.resolve("examples/config/airlock.yaml"));
        String landscape = sample.substring(0, sample.indexOf("\nbackend:"));
        return Files.writeString(dir.resolve("airlock.yaml"), landscape + backend);
    }

    @Test
    void stateDirectoryOfTheFile_isRelativeToTheFile() throws IOException {
        Path config = config("\nbackend:\n  type: local\n  state: promotions\n");

        run("status", "--config", config.toString(), "--as", "alice");

        assertTrue(Files.isDirectory(dir.resolve("promotions")), "state beside the file");
    }

    @Test
    void stateOption_winsOverTheFile() throws IOException {
        Path config = config("\nbackend:\n  state: promotions\n");

        run("status", "--config", config.toString(), "--state", dir.resolve("elsewhere").toString(), "--as", "alice");

        assertTrue(Files.isDirectory(dir.resolve("elsewhere")));
        assertTrue(Files.notExists(dir.resolve("promotions")));
    }

    @Test
    void withoutABackendSection_stateIsDotAirlockBesideTheFile() throws IOException {
        Path config = config("");

        run("status", "--config", config.toString(), "--as", "alice");

        assertTrue(Files.isDirectory(dir.resolve(".airlock")));
    }
}
