package dev.airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ledger file changed by hand, as an insider with write access to it could: every command that
 * decides or reports refuses it with exit 1 and names the broken link, and nothing is appended.
 */
class LedgerTamperingCliIT {
    @TempDir
    Path dir;

    private Path config;
    private Path ledger;
    private String digest;

    @BeforeEach
    void promoteIntoDev() throws IOException {
        config = dir.resolve("airlock.yaml");
        Files.writeString(config, TimeFreeConfig.strip(
                Files.readString(AirlockScript.ROOT.resolve("examples/config/airlock.yaml"))));
        SampleKeys.create(config);
        ledger = dir.resolve(".airlock/ledger.jsonl");
        Path jar = Files.writeString(dir.resolve("payments-api.jar"), "payments-api 1.4.2 bytes");
        digest = expect(0, airlock("ci@tooling", "register", jar.toString(), "--name", "payments-api", "--version",
                "1.4.2", "--source-repo", "github.com/acme/payments", "--revision", "9f1c2e7")).out().strip();
        expect(0, airlock("alice", "promote", "--digest", digest, "--to", "dev"));
    }

    private AirlockScript.Result airlock(String as, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config", config.toString(), "--as", as));
        return AirlockScript.run(all.toArray(String[]::new));
    }

    private static AirlockScript.Result expect(int exitCode, AirlockScript.Result result) {
        assertEquals(exitCode, result.exitCode(), result.all());
        assertFalse(result.all().contains("Exception"), result.all());
        return result;
    }

    /** The commands that must refuse, and what they must say; the ledger must not grow. */
    private void assertRefused(String... expected) throws IOException {
        long lines = Files.readAllLines(ledger).size();
        for (AirlockScript.Result result : List.of(airlock("alice", "status"),
                airlock("alice", "promote", "--digest", digest, "--to", "test"),
                airlock("rita", "approve", "--digest", digest, "--env", "test"))) {
            expect(1, result);
            for (String fragment : expected) {
                assertTrue(result.err().contains(fragment), result.err());
            }
        }
        assertEquals(lines, Files.readAllLines(ledger).size(), "nothing was appended to a broken ledger");
    }

    @Test
    void anEditedEntry_isRefused_naming_it() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(ledger));
        lines.set(2, lines.get(2).replaceFirst("\"principal\":\"alice\"", "\"principal\":\"mallory\""));
        Files.write(ledger, lines);

        assertRefused("airlock: ledger tampered: entry 3 was edited");
    }

    @Test
    void aDeletedEntry_isRefused() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(ledger));
        lines.remove(2);
        Files.write(ledger, lines);

        assertRefused("ledger tampered: entry 4 does not follow entry 2: entry 3 is missing");
    }

    @Test
    void entriesCutFromTheEnd_areRefused() throws IOException {
        List<String> lines = Files.readAllLines(ledger);
        Files.write(ledger, lines.subList(0, lines.size() - 3));

        assertRefused("entries were removed outside Airlock");
        assertTrue(expect(1, airlock("alice", "verify-ledger")).out().contains("LEDGER TAMPERED"));
    }

    @Test
    void anEmptiedLedger_isRefused() throws IOException {
        Files.writeString(ledger, "");

        assertRefused("the ledger ends at entry 0 but entry ");
    }

    @Test
    void entriesCutBelowACheckpoint_areRefused_evenWithTheHeadFileRewritten() throws IOException {
        AirlockScript.Result checkpoint = expect(0, airlock("alice", "ledger", "checkpoint", "-o", "json"));
        assertTrue(checkpoint.out().contains("\"sequence\" : 6"), "the head after register and promote: "
                + checkpoint.out());
        List<String> lines = Files.readAllLines(ledger);
        Files.write(ledger, lines.subList(0, 4));
        Files.deleteIfExists(dir.resolve(".airlock/ledger.jsonl.head"));

        assertRefused("ledger tampered: a checkpoint was taken at entry 6 but the ledger ends at entry 4: entries"
                + " after 4 are missing");
    }

    @Test
    void theHeadPrintedByStatus_provesAlaterRewrite() throws IOException {
        String head = expect(0, airlock("alice", "status")).out().lines().filter(l -> l.startsWith("ledger head: "))
                .findFirst().orElseThrow().substring("ledger head: ".length()).split(" ")[0];
        expect(0, airlock("alice", "verify-ledger", "--expected-head", head));
        Files.writeString(ledger, "");
        Files.deleteIfExists(dir.resolve(".airlock/ledger.jsonl.head"));

        AirlockScript.Result result = expect(1, airlock("alice", "verify-ledger", "--expected-head", head));

        assertTrue(result.out().contains("LEDGER TAMPERED: the ledger ends at entry 0 but the expected head is entry"),
                result.out());
        assertTrue(result.out().contains("note: truncation cannot be ruled out"), result.out());
    }
}
