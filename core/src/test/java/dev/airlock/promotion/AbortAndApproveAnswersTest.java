package dev.airlock.promotion;

import static dev.airlock.promotion.EngineFixture.T0;
import static dev.airlock.promotion.EngineFixture.register;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.InvalidValueException;
import dev.airlock.artifact.Digest;
import dev.airlock.attestation.InMemoryKeys;
import dev.airlock.environment.Environment;
import dev.airlock.environment.Landscape;
import dev.airlock.environment.Tier;
import dev.airlock.guardrail.Principal;
import dev.airlock.ledger.EntryType;
import dev.airlock.ledger.LedgerChain;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.local.LocalBackend;
import dev.airlock.spi.Ledger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Abort only by the initiator or the environment's owners; approve says whether it counts. */
class AbortAndApproveAnswersTest {
    private static final InMemoryKeys KEYS = new InMemoryKeys();
    @TempDir
    Path root;

    PromotionEngine engine;
    LocalBackend backend;
    Digest digest;

    @BeforeEach
    void setUp() {
        Landscape landscape = Landscape.builder().tooling("111111111111").security("999999999999")
                .environment(Environment.builder("dev").account("222222222222").tier(Tier.DEVELOPMENT)
                        .owners("team-payments").build())
                .build();
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        backend = LocalBackend.open(root, landscape, clock);
        engine = PromotionEngine.builder().keyring(KEYS).signers(KEYS).landscape(landscape).guardrails(new EngineFixture.SettableGuardrails())
                .backend(backend).clock(clock).build();
        digest = register(engine, "1.0.0");
        Ledger ledger = backend.ledger();
        LedgerEntry last = ledger.read(ledger.lastSequence()).get(0);
        LedgerEntry decided = LedgerChain.next(last, new LedgerEntry.Draft(EntryType.DECIDED, "bob", "dev", digest,
                "bobs", Map.of("idempotencyKey", "bobs", "outcome", "ALLOWED")), T0);
        ledger.append(decided);
        ledger.append(LedgerChain.next(decided, new LedgerEntry.Draft(EntryType.LEASED, "bob", "dev", digest, "bobs",
                Map.of("token", "1", "expiresAt", T0.plusSeconds(900).toString())), T0));
    }

    @Test
    void abort_byAStranger_isRefusedAndRecordsNothing() {
        long before = backend.ledger().lastSequence();

        AbortNotPermittedException e = assertThrows(AbortNotPermittedException.class,
                () -> engine.abort("bobs", Principal.of("mallory", "developers"), "mine now"));

        assertEquals("mallory may not abort promotion bobs: only its initiator, bob, or a member of an owner group"
                + " of 'dev' (team-payments) may", e.getMessage());
        assertEquals(before, backend.ledger().lastSequence());
    }

    @Test
    void abort_byAMemberOfAnOwnerGroup_isAccepted() {
        engine.abort("bobs", Principal.of("sue", "team-payments"), "promoter host lost");

        assertEquals(EntryType.ABORTED, backend.ledger().read(backend.ledger().lastSequence()).get(0).type());
    }

    @Test
    void approve_whereNoApprovalRequirementApplies_isRecordedButDoesNotCount() {
        ApprovalResult result = engine.approve(digest, "dev", Principal.of("rob"));

        assertFalse(result.counts());
        assertEquals("not counted: no approval requirement applies to dev", result.reason());
        assertEquals(EntryType.APPROVED, backend.ledger().read(backend.ledger().lastSequence()).get(0).type());
    }

    @Test
    void approve_aSecondTimeBySamePerson_doesNotCount() {
        engine.approve(digest, "dev", Principal.of("rob"));

        ApprovalResult again = engine.approve(digest, "dev", Principal.of("rob"));

        assertFalse(again.counts());
        assertTrue(again.reason().contains("rob already approved"), again.reason());
    }

    @Test
    void abort_afterAResumeFinished_saysItWasPromotedAndReleased() {
        engine.resume("bobs", Principal.of("bob"));

        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> engine.abort("bobs", Principal.of("bob"), "too late"));

        assertTrue(e.getMessage().endsWith("cannot be aborted: it already promoted " + digest.shortForm()
                + " into 'dev' and released its lease; there is nothing to abort"), e.getMessage());
    }

    @Test
    void abort_twice_saysItWasAlreadyAborted() {
        engine.abort("bobs", Principal.of("bob"), "host lost");

        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> engine.abort("bobs", Principal.of("bob"), "again"));

        assertTrue(e.getMessage().endsWith("cannot be aborted: it was already aborted; there is nothing to abort"),
                e.getMessage());
    }
}
