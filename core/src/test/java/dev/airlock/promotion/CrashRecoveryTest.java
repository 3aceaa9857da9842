package dev.airlock.promotion;

import static dev.airlock.promotion.EngineFixture.ALICE;
import static dev.airlock.promotion.EngineFixture.command;
import static dev.airlock.promotion.EngineFixture.register;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.InvalidValueException;
import dev.airlock.artifact.Digest;
import dev.airlock.ledger.EntryType;
import dev.airlock.ledger.LedgerChain;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.promotion.PromotionResult.Status;
import dev.airlock.spi.AccessSession;
import dev.airlock.spi.Place;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A promoter dies between any two steps; a new process resumes or aborts from the ledger alone. */
class CrashRecoveryTest {
    /** The points between steps where the process dies. */
    enum CrashPoint {
        AFTER_DECIDED(EntryType.LEASED),
        AFTER_LEASED(null),
        AFTER_TRANSFER(EntryType.TRANSFERRED),
        AFTER_TRANSFERRED(EntryType.PROMOTED),
        AFTER_PROMOTED(EntryType.RELEASED);

        /** The entry the process dies just before writing; null: it dies inside the transfer. */
        final EntryType before;

        CrashPoint(EntryType before) {
            this.before = before;
        }
    }

    @TempDir
    Path root;

    EngineFixture fixture;
    Digest digest;
    Digest previous;

    @BeforeEach
    void setUp() {
        fixture = new EngineFixture(root);
        PromotionEngine engine = fixture.engine();
        previous = register(engine, "0.9.0");
        engine.promote(command(previous, "dev"));
        digest = register(engine, "1.0.0");
    }

    private String crash(CrashPoint point) {
        PromotionEngine dying = point.before == null
                ? fixture.engine(store -> new Faults.StoreWrapper(store) {
                    @Override
                    public Transfer transfer(Digest d, Place target, AccessSession session) {
                        throw new Faults.Crash("during the transfer");
                    }
                }, UnaryOperator.identity(), UnaryOperator.identity())
                : fixture.engine(UnaryOperator.identity(), UnaryOperator.identity(),
                        ledger -> Faults.beforeAppending(ledger, point.before, entry -> {
                            throw new Faults.Crash("before " + point.before);
                        }));
        assertThrows(Faults.Crash.class, () -> dying.promote(command(digest, "dev")));
        return fixture.backend.ledger().read(1).stream()
                .filter(e -> e.type() == EntryType.DECIDED && digest.equals(e.digest()))
                .map(LedgerEntry::promotionId).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(CrashPoint.class)
    void resume_afterACrash_finishesThePromotionExactlyOnce(CrashPoint point) {
        String promotionId = crash(point);
        PromotionEngine restarted = fixture.restart();

        PromotionResult result = restarted.resume(promotionId, ALICE);

        assertEquals(point == CrashPoint.AFTER_PROMOTED ? Status.ALREADY_PROMOTED : Status.PROMOTED, result.status());
        assertEquals(digest, restarted.status().get(0).current().digest());
        assertNull(restarted.status().get(0).leaseHolder());
        assertEquals(1, fixture.backend.ledger().read(1).stream()
                .filter(e -> e.type() == EntryType.PROMOTED && digest.equals(e.digest())).count());
        assertTrue(LedgerChain.verify(fixture.backend.ledger().read(1)).ok());
        assertEquals(Status.ALREADY_PROMOTED, restarted.promote(command(digest, "dev")).status());
    }

    @ParameterizedTest
    @EnumSource(value = CrashPoint.class, names = "AFTER_PROMOTED", mode = EnumSource.Mode.EXCLUDE)
    void abort_afterACrash_releasesTheEnvironmentWhichKeepsWhatItRan(CrashPoint point) {
        String promotionId = crash(point);
        PromotionEngine restarted = fixture.restart();

        restarted.abort(promotionId, ALICE, "promoter host lost");

        assertEquals(previous, restarted.status().get(0).current().digest());
        assertNull(restarted.status().get(0).leaseHolder());
        assertEquals(Status.PROMOTED, restarted.promote(command(digest, "dev")).status());
    }

    @ParameterizedTest
    @EnumSource(value = CrashPoint.class, names = {"AFTER_LEASED", "AFTER_TRANSFERRED"})
    void anotherPromotion_whileACrashedOneHoldsTheLease_isAConflict(CrashPoint point) {
        crash(point);
        PromotionEngine restarted = fixture.restart();
        Digest other = register(restarted, "2.0.0");

        LeaseHeldException e = assertThrows(LeaseHeldException.class, () -> restarted.promote(command(other, "dev")));

        assertTrue(e.retryable());
        assertTrue(e.getMessage().contains("resume/abort"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(value = CrashPoint.class, names = "AFTER_PROMOTED")
    void abort_afterPromoted_isRefused(CrashPoint point) {
        String promotionId = crash(point);

        assertThrows(InvalidValueException.class, () -> fixture.restart().abort(promotionId, ALICE, "too late"));
    }
}
