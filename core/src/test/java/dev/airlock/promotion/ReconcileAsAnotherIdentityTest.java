package dev.airlock.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.artifact.Digest;
import dev.airlock.guardrail.Outcome;
import dev.airlock.guardrail.Principal;
import dev.airlock.spi.Identity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scheduled reconcile runs as one authenticated identity: it finishes that identity's requests, and reports
 * the others' without writing for their requesters or stopping the pass.
 */
class ReconcileAsAnotherIdentityTest {
    static final Principal RITA = Principal.of("rita", "developers");
    static final Principal SCHEDULER = Principal.of("deploy-bot", "developers");

    @TempDir
    Path dir;

    @Test
    void aPass_promotesItsOwnRequests_andReportsTheOthers_writingNothingForThem() {
        EngineFixture fixture = new EngineFixture(dir);
        PromotionEngine setup = fixture.engine();
        Digest ritas = EngineFixture.register(setup, "1.0.0");
        Digest bots = EngineFixture.register(setup, "1.0.1");
        fixture.guardrails.outcome = Outcome.PENDING;
        setup.promote(PromotionCommand.builder(ritas, "dev", RITA).build());
        setup.promote(PromotionCommand.builder(bots, "test", SCHEDULER).from("dev").build());
        fixture.guardrails.outcome = Outcome.ALLOWED;
        PromotionEngine scheduler = PromotionEngine.builder().landscape(fixture.landscape)
                .guardrails(fixture.guardrails).keyring(fixture.keys).signers(fixture.keys).backend(fixture.backend)
                .authenticator(() -> Identity.authenticated("deploy-bot", "aws-sts",
                        "arn:aws:sts::111111111111:assumed-role/deploy-bot/ci"))
                .clock(fixture.clock).build();
        int before = fixture.backend.ledger().read(1).size();

        List<Reconciliation> pass = scheduler.reconcile();

        assertEquals(Reconciliation.Action.NOT_ITS_REQUESTER, pass.get(0).action());
        assertTrue(pass.get(0).detail().contains("authenticated as 'deploy-bot'")
                && pass.get(0).detail().contains("only 'rita' may write its entries"), pass.get(0).detail());
        assertEquals(Reconciliation.Action.PROMOTED, pass.get(1).action(), pass.get(1).detail());
        assertTrue(fixture.backend.ledger().read(before + 1).stream().allMatch(e -> e.principal().equals("deploy-bot")),
                "nothing is written for rita");
    }
}
