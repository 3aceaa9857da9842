package dev.airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ColourTest {

    @Test
    void onATerminal_withoutNoColor_isOn() {
        assertTrue(Colour.enabled(true, null, false));
    }

    @Test
    void onATerminal_withNoColorSetToAnything_isOff() {
        assertFalse(Colour.enabled(true, "1", false));
        assertFalse(Colour.enabled(true, "", false));
    }

    @Test
    void notATerminal_isOff_withOrWithoutNoColor() {
        assertFalse(Colour.enabled(false, null, false));
        assertFalse(Colour.enabled(false, "1", false));
    }

    @Test
    void json_isNeverColoured() {
        assertFalse(Colour.enabled(true, null, true));
    }

    @Test
    void on_coloursTheOutcomeWordLeadingEachLine() {
        String text = "PENDING: waiting for: soak 1h in staging\n  request: promote\nPROMOTED sha256:95cc into dev\n"
                + "DENIED  [recorded]\nALLOWED\n  allows: DENIED elsewhere stays plain";

        assertEquals("\u001b[33mPENDING\u001b[0m: waiting for: soak 1h in staging\n  request: promote\n"
                + "\u001b[32mPROMOTED\u001b[0m sha256:95cc into dev\n\u001b[31mDENIED\u001b[0m  [recorded]\n"
                + "\u001b[32mALLOWED\u001b[0m\n  allows: DENIED elsewhere stays plain", new Colour(true).outcomes(text));
    }

    @Test
    void off_leavesTheTextAsItIs() {
        assertEquals("DENIED  [recorded]", new Colour(false).outcomes("DENIED  [recorded]"));
    }
}
