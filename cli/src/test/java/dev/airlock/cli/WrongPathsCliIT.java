package dev.airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paths a user got wrong are bad input (exit 2), said in one line naming the path and the reason, never
 * an internal error; other bytes under a registered name and version are a conflict (exit 5) that
 * leaves nothing in the store.
 */
class WrongPathsCliIT {
    @TempDir
    Path dir;

    Path config;
    Path state;

    @BeforeEach
    void setUp() throws IOException {
        config = dir.resolve("airlock.yaml");
        Files.writeString(config, TimeFreeConfig.strip(
                Files.readString(AirlockScript.ROOT.resolve("examples/config/airlock.yaml"))));
        SampleKeys.create(config);
        state = dir.resolve("state");
    }

    /** Exit 2 and a single line on stderr that names {@code path} and says {@code reason}. */
    private static void assertBadInput(AirlockScript.Result result, String path, String reason) {
        assertEquals(2, result.exitCode(), result.all());
        String err = result.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains("'" + path + "'") && err.contains(reason), err);
        assertFalse(err.contains("internal error") || err.contains("Exception"), err);
    }

    private static AirlockScript.Result status(String config, String state) {
        return AirlockScript.run("status", "--config", config, "--state", state);
    }

    @Test
    void config_thatIsADirectory_isBadInput() {
        assertBadInput(status(dir.toString(), state.toString()), dir.toString(), "is a directory");
    }

    @Test
    void config_givenAsAnEmptyPath_isBadInput() {
        assertBadInput(status("", state.toString()), "", "is an empty path");
    }

    @Test
    void config_ofBinaryGarbage_isBadInput() throws IOException {
        Path garbage = Files.write(dir.resolve("garbage.yaml"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, (byte) 0x80});

        assertBadInput(status(garbage.toString(), state.toString()), garbage.toString(), "is not UTF-8 text");
    }

    @Test
    void config_thatCannotBeRead_isBadInput() throws IOException {
        Path unreadable = Files.copy(config, dir.resolve("unreadable.yaml"));
        boolean denied = unreadable.toFile().setReadable(false, false) && !Files.isReadable(unreadable);
        // Root reads whatever the permissions say; a file whose reads fail (EIO) stands in for it there.
        String path = denied ? unreadable.toString() : "/proc/self/mem";

        assertBadInput(status(path, state.toString()), path, "cannot be read");
    }

    @Test
    void state_thatIsARegularFile_isBadInput() throws IOException {
        Path file = Files.writeString(dir.resolve("state-file"), "not a directory");

        assertBadInput(status(config.toString(), file.toString()), file.toString(), "is a file, not a directory");
    }

    @Test
    void state_whereNothingCanBeCreated_isBadInput() {
        assertBadInput(status(config.toString(), "/proc/airlock-state"), "/proc/airlock-state",
                "cannot be created as a directory");
    }

    @Test
    void state_givenAsAnEmptyPath_isRefusedInsteadOfUsingTheCurrentDirectory() {
        assertBadInput(status(config.toString(), ""), "", "is an empty path");
        assertFalse(Files.exists(AirlockScript.ROOT.resolve("ledger.jsonl.lock")), "the current directory was used");
    }

    @Test
    void register_givenADirectory_isBadInput() {
        AirlockScript.Result result = register(dir, "1.0.0");

        assertBadInput(result, dir.toString(), "is a directory");
    }

    @Test
    void register_otherBytesUnderARegisteredVersion_isAConflictAndLeavesNothingInTheStore() throws IOException {
        assertEquals(0, register(Files.writeString(dir.resolve("built.jar"), "built"), "1.0.0").exitCode());
        List<Path> before = storeFiles();

        AirlockScript.Result result = register(Files.writeString(dir.resolve("other.jar"), "other"), "1.0.0");

        assertEquals(5, result.exitCode(), result.all());
        assertTrue(result.err().contains("payments-api:1.0.0 is already registered"), result.err());
        assertEquals(before, storeFiles());
    }

    private AirlockScript.Result register(Path file, String version) {
        List<String> args = new ArrayList<>(List.of("register", file.toString(), "--name", "payments-api", "--version",
                version, "--source-repo", "github.com/acme/payments", "--revision", "9f1c2e7"));
        args.addAll(List.of("--config", config.toString(), "--state", state.toString(), "--as", "ci@tooling"));
        return AirlockScript.run(args.toArray(String[]::new));
    }

    /** Every file of the artifact store, temporary ones included. */
    private List<Path> storeFiles() throws IOException {
        try (Stream<Path> files = Files.walk(state.resolve("artifacts"))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
