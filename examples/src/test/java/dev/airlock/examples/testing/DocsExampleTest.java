package dev.airlock.examples.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The complete testkit example in the README is {@link FirstPromotionTest}, word for word, so it keeps compiling. */
class DocsExampleTest {
    private static final Path DOC = Path.of("..", "README.md");
    private static final Path TEST = Path.of("src", "test", "java", "dev", "airlock", "examples", "testing",
            "FirstPromotionTest.java");

    @Test
    void theDocsExample_isTheCompilingTest() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        String marker = "```java\npackage dev.airlock.examples.testing;\n";
        int start = doc.indexOf(marker);
        assertTrue(start >= 0, DOC + " has no java block starting with the example's package line");
        int end = doc.indexOf("```", start + marker.length());
        String shown = doc.substring(start + "```java\n".length(), end);

        assertEquals(Files.readString(TEST, StandardCharsets.UTF_8), shown);
    }
}
