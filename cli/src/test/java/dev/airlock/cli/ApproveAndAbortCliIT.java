package dev.airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.ledger.EntryType;
import dev.airlock.ledger.LedgerChain;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.local.LocalFileLedger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code approve} says whether the approval counts (exit 0) or is recorded without counting (exit 4,
 * with the reason); {@code abort} by a stranger is refused (exit 3) and records nothing.
 */
class ApproveAndAbortCliIT {
    @TempDir
    Path dir;

    Path config;
    Path state;
    String digest;

    @BeforeEach
    void setUp() throws IOException {
        config = dir.resolve("airlock.yaml");
        Files.writeString(config, TimeFreeConfig.strip(
                Files.readString(AirlockScript.ROOT.resolve("examples/config/airlock.yaml"))));
        SampleKeys.create(config);
        state = dir.resolve("state");
        Path jar = Files.writeString(dir.resolve("payments-api.jar"), "payments-api 1.4.2 bytes");
        digest = expect(0, airlock("ci@tooling", "register", jar.toString(), "--name", "payments-api", "--version",
                "1.4.2", "--source-repo", "github.com/acme/payments", "--revision", "9f1c2e7")).out().strip();
        for (String env : List.of("dev", "test", "staging")) {
            expect(0, airlock("alice", "promote", "--digest", digest, "--to", env));
            expect(0, airlock("deploy-bot", "verified", "--digest", digest, "--env", env));
        }
    }

    private AirlockScript.Result airlock(String as, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config", config.toString(), "--state", state.toString(), "--as", as));
        return AirlockScript.run(all.toArray(String[]::new));
    }

    private static AirlockScript.Result expect(int exitCode, AirlockScript.Result result) {
        assertEquals(exitCode, result.exitCode(), result.all());
        return result;
    }

    @Test
    void approve_withoutAKey_orWithAKeyOthersCanRead_isBadInput_andRecordsNothing() throws IOException {
        long before = Files.readAllLines(state.resolve("ledger.jsonl")).size();

        String keyless = expect(2, airlock("mallory", "approve", "--digest", digest, "--env", "prod-eu")).err();
        assertTrue(keyless.contains("signingKey: 'mallory' is not available here") && keyless.contains("--signing-key")
                && keyless.contains("airlock keys create"), keyless);
        Path robsKey = dir.resolve("keys/private/rob.key");
        Files.setPosixFilePermissions(robsKey, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        String exposed = expect(2, airlock("rob", "approve", "--digest", digest, "--env", "prod-eu")).err();
        assertTrue(exposed.contains("may be read or written by others") && exposed.contains("chmod 600"), exposed);

        assertEquals(before, Files.readAllLines(state.resolve("ledger.jsonl")).size(), "nothing recorded");
    }

    @Test
    void approve_saysWhetherItCounts_andWhyNot() {
        expect(4, airlock("rita", "promote", "--digest", digest, "--to", "prod-eu", "--attr", "change=CHG-2041"));

        String initiator = expect(4, airlock("rita", "approve", "--digest", digest, "--env", "prod-eu")).out();
        assertTrue(initiator.contains("RECORDED, DOES NOT COUNT: not counted by two-approvals: rita (the initiator)"),
                initiator);
        String outsider = expect(4, airlock("alice", "approve", "--digest", digest, "--env", "prod-eu")).out();
        assertTrue(outsider.contains("alice (not in group release-managers)"), outsider);
        String counted = expect(0, airlock("rob", "approve", "--digest", digest, "--env", "prod-eu")).out();
        assertTrue(counted.contains("counts toward two-approvals"), counted);
        String twice = expect(4, airlock("rob", "approve", "--digest", digest, "--env", "prod-eu")).out();
        assertTrue(twice.contains("rob already approved"), twice);
        String nowhere = expect(4, airlock("rob", "approve", "--digest", digest, "--env", "dev")).out();
        assertTrue(nowhere.contains("no approval requirement applies to dev"), nowhere);
    }

    @Test
    void abort_byAStranger_isRefusedWithExitThree_andTheInitiatorMayAbort() {
        LocalFileLedger ledger = LocalFileLedger.open(state.resolve("ledger.jsonl"));
        LedgerEntry last = ledger.read(ledger.lastSequence()).get(0);
        Instant now = Instant.now();
        // alice's promoter died holding the lease on dev.
        LedgerEntry decided = LedgerChain.next(last, new LedgerEntry.Draft(EntryType.DECIDED, "alice", "dev",
                last.digest(), "alices", Map.of("idempotencyKey", "alices", "outcome", "ALLOWED")), now);
        ledger.append(decided);
        ledger.append(LedgerChain.next(decided, new LedgerEntry.Draft(EntryType.LEASED, "alice", "dev", last.digest(),
                "alices", Map.of("token", "1", "expiresAt", now.plusSeconds(900).toString())), now));
        long before = ledger.lastSequence();

        AirlockScript.Result stranger = expect(3, airlock("mallory", "abort", "alices", "--reason", "mine now"));

        assertEquals("airlock: mallory may not abort promotion alices: only its initiator, alice, or a member of an"
                + " owner group of 'dev' (team-payments) may", stranger.err().strip());
        assertEquals(before, ledger.lastSequence(), "nothing recorded");
        expect(0, airlock("alice", "abort", "alices", "--reason", "promoter host lost"));
    }
}
