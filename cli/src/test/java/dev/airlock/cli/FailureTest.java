package dev.airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class FailureTest {

    @Test
    void jsonIn_recognisesEverySpellingOfTheOption() {
        for (String[] args : new String[][] {{"status", "-o", "json"}, {"status", "--output", "JSON"},
                {"status", "-ojson"}, {"status", "-o=json"}, {"status", "--output=json"}}) {
            assertTrue(OutputOption.jsonIn(args), String.join(" ", args));
        }
        for (String[] args : new String[][] {{"status"}, {"status", "-o", "text"}, {"status", "-o"},
                {"register", "--", "-o", "json"}, {"register", "--name", "json"}}) {
            assertFalse(OutputOption.jsonIn(args), String.join(" ", args));
        }
    }

    @Test
    void anUnexpectedException_isAnInternalError() {
        JsonNode json = new ObjectMapper().valueToTree(
                ErrorHandler.failure(new IllegalStateException("boom")).json());

        assertEquals(1, json.path("exitCode").asInt());
        assertEquals("internal error", json.path("meaning").asText());
        assertEquals("internal error: java.lang.IllegalStateException: boom", json.path("message").asText());
        assertFalse(json.has("problems"), json.toString());
    }

    @Test
    void aUsageErrorUnderJson_printsOneDocumentOnStdout_andTheUsageOnStderr() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = AirlockCli.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err));

        int exitCode = cli.execute("validate", "-o", "json");

        assertEquals(2, exitCode);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals(2, json.path("exitCode").asInt(), out.toString());
        assertEquals("bad input", json.path("meaning").asText(), out.toString());
        assertTrue(json.path("message").asText().startsWith("Missing required parameter"), out.toString());
        assertTrue(err.toString().contains("Usage: airlock validate"), err.toString());
    }

    @Test
    void aUsageErrorInText_leavesStdoutEmpty() {
        StringWriter out = new StringWriter();
        CommandLine cli = AirlockCli.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(new StringWriter()));

        assertEquals(2, cli.execute("validate"));
        assertEquals("", out.toString());
    }
}
