package dev.airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCliIT {

    @Test
    void demo_tellsTheWholeStoryAndExitsZero(@TempDir Path dir) {
        AirlockScript.Result result = AirlockScript.run("demo", "--dir", dir.toString());

        assertEquals(0, result.exitCode(), result.all());
        String out = result.out();
        assertTrue(out.contains("builtin:no-skipping     organization     DENIES"), out);
        assertTrue(out.contains("2 more approvals from group release-managers"), out);
        assertTrue(out.contains("soak 0s of 24h in staging, 24h remaining"), out);
        assertTrue(out.contains("plan for prod-eu: ALLOWED"), out);
        assertTrue(out.contains("PROMOTED sha256:") && out.contains("into prod-us"), out);
        assertTrue(out.contains("LEDGER TAMPERED: entry "), out);
        assertTrue(out.contains("ROLLED BACK dev to "), out);
        assertFalse(result.all().contains("Exception"), result.all());
    }
}
