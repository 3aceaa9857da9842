package dev.airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.ledger.EntryType;
import dev.airlock.ledger.LedgerChain;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.local.LocalFileLedger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Adversary: a developer with the CLI passes a claimed time to a write, to open a freeze, date an entry
 * in the year 99999 or take a lease over early. Every write refuses {@code --at} as a usage error
 * (exit 2) before anything is read or recorded; read-only questions still take it.
 */
class ClaimedTimeCliIT {
    private static final String WHY =
            "airlock: --at is for read-only questions such as plan and status; writes take the clock's time";
    private static final String A_TUESDAY_MORNING = "2026-03-03T09:00:00Z";
    private static final String A_SATURDAY = "2026-03-07T10:00:00Z";

    @TempDir
    Path dir;

    Path config;
    Path state;

    @BeforeEach
    void setUp() throws IOException {
        config = dir.resolve("airlock.yaml");
        // The sample as shipped: its weekend freeze on production is not bypassable.
        Files.copy(AirlockScript.ROOT.resolve("examples/config/airlock.yaml"), config);
        SampleKeys.create(config);
        state = dir.resolve("state");
    }

    private AirlockScript.Result airlock(String as, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config", config.toString(), "--state", state.toString(), "--as", as));
        return AirlockScript.run(all.toArray(String[]::new));
    }

    private static void refused(AirlockScript.Result result) {
        assertEquals(2, result.exitCode(), result.all());
        assertEquals(WHY, result.err().strip(), "one line that says why");
    }

    private String register() throws IOException {
        Path jar = Files.writeString(dir.resolve("payments-api.jar"), "payments-api 1.4.2 bytes");
        AirlockScript.Result registered = airlock("ci@tooling", "register", jar.toString(), "--name", "payments-api",
                "--version", "1.4.2", "--source-repo", "github.com/acme/payments", "--revision", "9f1c2e7");
        assertEquals(0, registered.exitCode(), registered.all());
        return registered.out().strip();
    }

    private List<LedgerEntry> ledger() {
        return LocalFileLedger.open(state.resolve("ledger.jsonl")).read(1);
    }

    @Test
    void promote_claimingATuesdayInsideTheWeekendFreeze_isRefusedAndRecordsNothing() throws IOException {
        String digest = register();
        int before = ledger().size();

        refused(airlock("rita", "promote", "--digest", digest, "--to", "prod-eu", "--attr", "change=CHG-2041",
                "--at", A_TUESDAY_MORNING));

        assertEquals(before, ledger().size(), "not even a DECIDED entry");
        // The question "would it pass on a Saturday?" is still answered, and the freeze says no.
        AirlockScript.Result saturday = airlock("rita", "plan", "--digest", digest, "--to", "prod-eu",
                "--attr", "change=CHG-2041", "--at", A_SATURDAY);
        assertEquals(3, saturday.exitCode(), saturday.all());
        assertTrue(saturday.out().contains("no-weekend-rollouts"), saturday.out());
    }

    @Test
    void aWriteDatedInTheYear99999_isRefused() throws IOException {
        Path jar = Files.writeString(dir.resolve("payments-api.jar"), "payments-api 1.4.2 bytes");

        refused(airlock("ci@tooling", "register", jar.toString(), "--name", "payments-api", "--version", "1.4.2",
                "--source-repo", "github.com/acme/payments", "--revision", "9f1c2e7", "--at", "+99999-01-01T00:00:00Z"));

        assertFalse(Files.exists(state.resolve("ledger.jsonl")) && !ledger().isEmpty(), "nothing was recorded");
    }

    @ParameterizedTest
    @ValueSource(strings = {"register", "promote", "approve", "verified", "rollback", "resume", "abort",
            "ledger checkpoint", "ledger repair"})
    void everyWriteCommand_refusesAClaimedTime(String command) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of("--at", A_TUESDAY_MORNING));

        refused(airlock("alice", args.toArray(String[]::new)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "history dev", "verify-ledger"})
    void readOnlyQuestions_acceptAClaimedTime(String command) throws IOException {
        register();
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of("--at", A_SATURDAY));

        AirlockScript.Result result = airlock("alice", args.toArray(String[]::new));

        assertEquals(0, result.exitCode(), result.all());
    }

    @Test
    void aLeaseHeldByAnother_cannotBeTakenOverWithAClaimedLaterTime() throws IOException {
        String digest = register();
        LocalFileLedger file = LocalFileLedger.open(state.resolve("ledger.jsonl"));
        LedgerEntry last = file.read(file.lastSequence()).get(0);
        Instant now = Instant.now();
        // Another promoter is at work on dev: it decided and took the lease for 15 minutes.
        LedgerEntry decided = LedgerChain.next(last, new LedgerEntry.Draft(EntryType.DECIDED, "dan", "dev",
                last.digest(), "dans-promotion", Map.of("idempotencyKey", "dans", "outcome", "ALLOWED")), now);
        file.append(decided);
        file.append(LedgerChain.next(decided, new LedgerEntry.Draft(EntryType.LEASED, "dan", "dev", last.digest(),
                "dans-promotion", Map.of("token", "1", "expiresAt", now.plus(Duration.ofMinutes(15)).toString())), now));

        refused(airlock("alice", "promote", "--digest", digest, "--to", "dev", "--at",
                now.plus(Duration.ofHours(1)).toString()));
        AirlockScript.Result busy = airlock("alice", "promote", "--digest", digest, "--to", "dev");

        assertEquals(5, busy.exitCode(), busy.all());
        assertTrue(busy.err().contains("is being promoted by dans-promotion"), busy.err());
    }
}
