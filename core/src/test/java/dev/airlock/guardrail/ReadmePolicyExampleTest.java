package dev.airlock.guardrail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's complete policy example is the configuration the scenario tests run, byte for byte. */
class ReadmePolicyExampleTest {

    @Test
    void readmeExample_isTheScenarioConfiguration() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int section = readme.indexOf("### A complete example");
        assertTrue(section >= 0, "the README has a section 'A complete example'");
        int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
        String example = readme.substring(start, readme.indexOf("```\n", start));

        try (InputStream resource = getClass().getResourceAsStream("/policies/airlock.yaml")) {
            assertEquals(new String(resource.readAllBytes(), StandardCharsets.UTF_8), example);
        }
    }
}
