package dev.airlock.promotion;

import static dev.airlock.promotion.EngineFixture.ALICE;
import static dev.airlock.promotion.EngineFixture.command;
import static dev.airlock.promotion.EngineFixture.register;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.airlock.artifact.Digest;
import dev.airlock.promotion.PromotionResult.Status;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Already promoted" is said only when it is true now: the environment runs the digest, or the caller's
 * own idempotency key names that earlier promotion (a retry of the same request).
 */
class AlreadyPromotedTest {
    @TempDir
    Path root;

    PromotionEngine engine;
    Digest x;
    Digest y;

    @BeforeEach
    void setUp() {
        engine = new EngineFixture(root).engine();
        x = register(engine, "1.0.0");
        y = register(engine, "2.0.0");
    }

    private Digest dev() {
        return engine.status().get(0).current().digest();
    }

    @Test
    void promote_withTheDefaultKey_afterTheEnvironmentMovedOn_promotesAgain() {
        engine.promote(command(x, "dev"));
        engine.promote(command(y, "dev"));

        PromotionResult again = engine.promote(command(x, "dev"));

        assertEquals(Status.PROMOTED, again.status());
        assertEquals(y, again.previous());
        assertEquals(x, dev());
    }

    @Test
    void promote_withTheDefaultKey_afterARollback_promotesAgain() {
        engine.promote(command(x, "dev"));
        engine.markVerified(x, "dev", ALICE);
        engine.promote(command(y, "dev"));
        engine.rollback("dev", ALICE, "rollback-1");

        PromotionResult again = engine.promote(command(y, "dev"));

        assertEquals(Status.PROMOTED, again.status());
        assertEquals(y, dev());
    }

    @Test
    void promote_withTheDefaultKey_whileTheEnvironmentRunsTheDigest_isAlreadyPromoted() {
        PromotionResult first = engine.promote(command(x, "dev"));

        PromotionResult retry = engine.promote(command(x, "dev"));

        assertEquals(Status.ALREADY_PROMOTED, retry.status());
        assertEquals(first.promotionId(), retry.promotionId());
    }

    @Test
    void retry_withTheCallersOwnKey_afterTheEnvironmentMovedOn_staysANoOp() {
        PromotionCommand request = PromotionCommand.builder(x, "dev", ALICE).idempotencyKey("release-42").build();
        PromotionResult first = engine.promote(request);
        engine.promote(command(y, "dev"));

        PromotionResult retry = engine.promote(request);

        assertEquals(Status.ALREADY_PROMOTED, retry.status());
        assertEquals(first.promotionId(), retry.promotionId());
        assertEquals(y, dev());
    }
}
