package dev.airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A local ledger torn by a crash mid-append, found by a read-only command and repaired from the CLI. */
class LedgerRepairCliIT {
    @TempDir
    Path dir;

    Path config;
    Path ledger;

    @BeforeEach
    void setUp() throws IOException {
        config = dir.resolve("airlock.yaml");
        Files.copy(AirlockScript.ROOT.resolve("examples/config/airlock.yaml"), config);
        SampleKeys.create(config);
        ledger = dir.resolve("state/ledger.jsonl");
    }

    private AirlockScript.Result airlock(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config", config.toString(), "--state", dir.resolve("state").toString()));
        return AirlockScript.run(all.toArray(String[]::new));
    }

    private static AirlockScript.Result ok(AirlockScript.Result result) {
        assertEquals(0, result.exitCode(), result.all());
        return result;
    }

    @Test
    void aTornLastLine_stopsStatus_untilLedgerRepairMovesItAside() throws IOException {
        Path jar = Files.writeString(dir.resolve("payments-api.jar"), "payments-api 1.4.2 bytes");
        ok(airlock("register", jar.toString(), "--name", "payments-api", "--version", "1.4.2", "--source-repo",
                "github.com/acme/payments", "--revision", "9f1c2e7", "--as", "ci@tooling"));
        String lastLine = Files.readAllLines(ledger).get(0);
        String torn = lastLine.replace("\"sequence\":1", "\"sequence\":2").substring(0, lastLine.length() / 2);
        Files.writeString(ledger, torn, StandardOpenOption.APPEND);

        AirlockScript.Result refused = airlock("status");
        assertEquals(1, refused.exitCode(), refused.all());
        assertTrue(refused.err().contains("the last line is incomplete"), refused.err());
        assertTrue(refused.err().contains("run `airlock ledger repair`"), refused.err());
        assertFalse(refused.all().contains("Exception"), refused.all());

        String repaired = ok(airlock("ledger", "repair")).out().strip();
        String prefix = "ledger repaired: its torn last record was moved to ";
        assertTrue(repaired.startsWith(prefix), repaired);
        Path aside = Path.of(repaired.substring(prefix.length()));
        assertEquals(ledger.getParent().toRealPath(), aside.getParent());
        assertEquals(torn, Files.readString(aside, StandardCharsets.UTF_8));
        assertEquals(lastLine + "\n", Files.readString(ledger, StandardCharsets.UTF_8));

        assertTrue(ok(airlock("status")).out().contains("dev"));
    }

    @Test
    void anIntactLedger_needsNoRepair_inTextAndJson() throws IOException {
        assertEquals("nothing to repair: the ledger has no torn last record",
                ok(airlock("ledger", "repair")).out().strip());

        JsonNode json = new ObjectMapper().readTree(ok(airlock("ledger", "repair", "-o", "json")).out());
        assertFalse(json.path("repaired").asBoolean(true), json.toString());
        assertFalse(json.has("movedTo"), json.toString());
    }
}
