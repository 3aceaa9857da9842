package dev.airlock.promotion;

import static dev.airlock.promotion.EngineFixture.ALICE;
import static dev.airlock.promotion.EngineFixture.register;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.artifact.Digest;
import dev.airlock.guardrail.Outcome;
import dev.airlock.guardrail.Principal;
import dev.airlock.ledger.EntryType;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.promotion.PromotionResult.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A promotion resumed after a crash is the request that was asked, not a new one: it keeps the attributes and
 * break-glass the guardrails allowed it on, and only its initiator or the target's owners may carry it on.
 */
class ResumeAsAskedTest {
    static final Principal MALLORY = Principal.of("mallory", "developers");
    /** A member of the dev environment's owner group. */
    static final Principal OWNER = Principal.of("olga", "platform");

    @TempDir
    Path root;

    EngineFixture fixture;
    Digest digest;

    @BeforeEach
    void setUp() {
        fixture = new EngineFixture(root);
        digest = register(fixture.engine(), "1.0.0");
    }

    /** Promotes {@code command} in a process that dies before taking the lease; returns the promotion's id. */
    private String crashBeforeTheLease(PromotionCommand command) {
        PromotionEngine dying = fixture.engine(UnaryOperator.identity(), UnaryOperator.identity(),
                ledger -> Faults.beforeAppending(ledger, EntryType.LEASED, entry -> {
                    throw new Faults.Crash("before the lease");
                }));
        assertThrows(Faults.Crash.class, () -> dying.promote(command));
        return entries().stream().filter(e -> e.type() == EntryType.DECIDED).map(LedgerEntry::promotionId)
                .findFirst().orElseThrow();
    }

    private List<LedgerEntry> entries() {
        return fixture.backend.ledger().read(1);
    }

    @Test
    void resume_keepsTheAttributesTheRequestWasAllowedOn() {
        fixture.guardrails.byRequest = request -> "CHG-42".equals(request.attributes().get("change"))
                ? Outcome.ALLOWED : Outcome.PENDING;
        String id = crashBeforeTheLease(PromotionCommand.builder(digest, "dev", ALICE)
                .attributes(Map.of("change", "CHG-42")).build());

        PromotionResult result = fixture.restart().resume(id, ALICE);

        assertEquals(Status.PROMOTED, result.status());
        assertEquals(0, entries().stream().filter(e -> e.type() == EntryType.FAILED).count());
    }

    @Test
    void resume_keepsTheBreakGlassTheRequestWasAllowedOn() {
        fixture.guardrails.byRequest = request -> request.breakGlass() ? Outcome.ALLOWED : Outcome.DENIED;
        String id = crashBeforeTheLease(PromotionCommand.builder(digest, "dev", ALICE)
                .breakGlass("INC-7: payments down").build());

        PromotionResult result = fixture.restart().resume(id, ALICE);

        assertEquals(Status.PROMOTED, result.status());
    }

    @Test
    void resume_byAnOwner_isJudgedForItsRequester_andRecordsTheOwnerCarryingItOn() {
        // Only alice's requests pass: an owner resuming hers must not turn it into the owner's own request.
        fixture.guardrails.byRequest = request -> request.principal().id().equals("alice")
                ? Outcome.ALLOWED : Outcome.DENIED;
        String id = crashBeforeTheLease(PromotionCommand.builder(digest, "dev", ALICE).build());

        PromotionResult result = fixture.restart().resume(id, OWNER);

        assertEquals(Status.PROMOTED, result.status());
        assertEquals("olga", entries().stream().filter(e -> e.type() == EntryType.PROMOTED).findFirst()
                .orElseThrow().principal());
    }

    @Test
    void resume_bySomeoneWhoNeitherStartedItNorOwnsTheTarget_isRefused_andRecordsNothing() {
        String id = crashBeforeTheLease(PromotionCommand.builder(digest, "dev", ALICE).build());
        int before = entries().size();

        AbortNotPermittedException refused = assertThrows(AbortNotPermittedException.class,
                () -> fixture.restart().resume(id, MALLORY));

        assertTrue(refused.getMessage().startsWith("mallory may not resume promotion " + id
                + ": only its initiator, alice,"), refused.getMessage());
        assertEquals(before, entries().size());
    }
}
