package dev.airlock.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A path that cannot be a configuration is a problem naming the path, never an I/O failure. */
class ConfigurationPathTest {
    @TempDir
    Path dir;

    private static String problem(Path file) {
        return assertThrows(InvalidConfigurationException.class, () -> AirlockConfiguration.load(file)).getMessage();
    }

    @Test
    void load_aDirectory_isAProblem() {
        assertEquals(dir + ": is a directory, not a configuration file", problem(dir));
    }

    @Test
    void load_anEmptyPath_isAProblemInsteadOfReadingTheCurrentDirectory() {
        assertEquals("'': is an empty path; name the configuration file", problem(Path.of("")));
    }

    @Test
    void load_binaryBytes_isAProblem() throws IOException {
        Path garbage = Files.write(dir.resolve("garbage.yaml"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, (byte) 0x80});

        assertEquals(garbage + ": is not UTF-8 text (a binary file?); a configuration is YAML or JSON", problem(garbage));
    }
}
