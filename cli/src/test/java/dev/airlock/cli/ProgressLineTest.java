package dev.airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress line: bytes, rate and time left in human units, on a terminal only, cleared at the end. */
class ProgressLineTest {
    @Test
    void render_saysBytesRateAndTimeLeft_inHumanUnits() {
        assertEquals("copying: 512 MiB of 1.0 GiB, 128 MiB/s, 4s left",
                ProgressLine.render("copying", 512L << 20, 1L << 30, 4_000_000_000L));
        assertEquals("uploading: 0 B of 10 B", ProgressLine.render("uploading", 0, 10, 0));
        assertEquals("copying: 2.0 MiB, 1.0 MiB/s", ProgressLine.render("copying", 2L << 20, -1, 2_000_000_000L));
    }

    @Test
    void aLineOnATerminal_isRewrittenInPlace_andClearedWhenDone() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong now = new AtomicLong();
        ProgressLine line = new ProgressLine("uploading app.jar", new PrintStream(bytes, true, StandardCharsets.UTF_8),
                now::get, true);

        line.update(0, 100);
        now.addAndGet(1_000_000_000L);
        line.update(100, 100);
        line.finish();

        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(shown.startsWith("\ruploading app.jar: 0 B of 100 B"), shown);
        assertTrue(shown.contains("\ruploading app.jar: 100 B of 100 B, 100 B/s"), shown);
        assertTrue(shown.endsWith("\r"), "cleared: " + shown);
        assertTrue(!shown.contains("\n"), "one line, rewritten: " + shown);
    }

    @Test
    void offATerminal_nothingIsPrinted() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressLine line = new ProgressLine("uploading", new PrintStream(bytes, true, StandardCharsets.UTF_8),
                System::nanoTime, false);

        line.update(5, 10);
        line.finish();

        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
    }
}
