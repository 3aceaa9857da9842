package dev.airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class WatchIntervalTest {
    @Test
    void seconds_minutes_hours() {
        assertEquals(Duration.ofSeconds(30), new WatchInterval().convert("30s"));
        assertEquals(Duration.ofMinutes(1), new WatchInterval().convert("1m"));
        assertEquals(Duration.ofHours(2), new WatchInterval().convert("2h"));
    }

    @Test
    void anythingElse_isRefusedNamingTheOptionAndTheRule() {
        for (String bad : new String[] {"0s", "1d", "-1m", "soon", ""}) {
            TypeConversionException e = assertThrows(TypeConversionException.class, () -> new WatchInterval().convert(bad));
            assertTrue(e.getMessage().startsWith("--watch: '" + bad + "' is not an interval"), e.getMessage());
        }
    }
}
