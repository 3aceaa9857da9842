package dev.airlock.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.InvalidValueException;
import dev.airlock.artifact.Digest;
import dev.airlock.environment.AccountId;
import dev.airlock.guardrail.Principal;
import dev.airlock.ledger.EntryType;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.promotion.PromotionFailedException;
import dev.airlock.promotion.PromotionResult;
import dev.airlock.spi.AccessDeniedException;
import dev.airlock.spi.BackendUnavailableException;
import dev.airlock.spi.DigestMismatchException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultsTest {
    private static final Principal ALICE = Principal.of("alice", "developers");

    private final TestWorld world = TestWorld.fourStages().build();
    private final Digest digest = world.register("payments-api", "1.0.0");

    private PromotionFailedException failedPromotion(String target) {
        return assertThrows(PromotionFailedException.class, () -> world.promote(digest, target, ALICE));
    }

    private List<EntryType> types(String environment) {
        return world.engine().history(environment).stream().map(LedgerEntry::type).toList();
    }

    @Test
    void aThrottledTransfer_failsThePromotionRetryably_andTheNextAttemptSucceeds() {
        world.faults().failNext(Operation.TRANSFER, 1, Fault.THROTTLED);

        PromotionFailedException e = failedPromotion("dev");

        assertTrue(e.retryable());
        assertInstanceOf(BackendUnavailableException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("ThrottlingException"), e.getCause().getMessage());
        assertEquals(PromotionResult.Status.PROMOTED, world.promote(digest, "dev", ALICE).status());
    }

    @Test
    void corruptBytes_areCaughtByTheEnginesVerification_andNothingIsPromoted() {
        world.faults().failNext(Operation.TRANSFER, 1, Fault.CORRUPT_BYTES);

        PromotionFailedException e = failedPromotion("dev");

        assertInstanceOf(DigestMismatchException.class, e.getCause());
        assertTrue(e.step().startsWith("verify"), e.step());
        assertTrue(world.current("dev").isEmpty());
        assertEquals(List.of(EntryType.DECIDED, EntryType.LEASED, EntryType.FAILED), types("dev"));
        assertFalse(types("dev").contains(EntryType.PROMOTED));
    }

    @Test
    void accessDenied_failsThePromotionForGood() {
        world.faults().failNext(Operation.OPEN_ACCESS, 1, Fault.ACCESS_DENIED);

        PromotionFailedException e = failedPromotion("dev");

        assertInstanceOf(AccessDeniedException.class, e.getCause());
        assertFalse(e.retryable());
    }

    @Test
    void aTimeout_isRetryable() {
        world.faults().failNext(Operation.VERIFY, 1, Fault.TIMEOUT);
        assertTrue(failedPromotion("dev").retryable());
    }

    @Test
    void aFaultForOneEnvironment_leavesTheOthersAlone() {
        world.faults().failNext(Operation.TRANSFER, "test", 1, Fault.THROTTLED);

        assertEquals(PromotionResult.Status.PROMOTED, world.promote(digest, "dev", ALICE).status());
        world.markVerified(digest, "dev");
        failedPromotion("test");
        assertEquals(0, world.faults().pending());
    }

    @Test
    void faults_fireExactlyTheRequestedNumberOfTimes() {
        world.faults().failNext(Operation.OPEN_ACCESS, 2, Fault.THROTTLED);

        failedPromotion("dev");
        assertEquals(1, world.faults().pending());
        failedPromotion("dev");

        assertEquals(PromotionResult.Status.PROMOTED, world.promote(digest, "dev", ALICE).status());
    }

    @Test
    void aThrottledLedgerAppend_isSeenByTheEngine() {
        world.faults().failNext(Operation.LEDGER_APPEND, 1, Fault.THROTTLED);
        assertThrows(BackendUnavailableException.class, () -> world.register("payments-api", "2.0.0"));
        assertEquals(1, world.ledger().lastSequence());
    }

    @Test
    void aSlowCall_takesTheWorldsTimeNotTheTests() {
        Instant before = world.clock().instant();
        world.faults().slowNext(Operation.TRANSFER, 1, Duration.ofMinutes(20));

        world.promote(digest, "dev", ALICE);

        assertEquals(before.plus(Duration.ofMinutes(20)), world.clock().instant());
    }

    @Test
    void clear_dropsEveryPendingFault() {
        world.faults().failNext(Operation.TRANSFER, 3, Fault.THROTTLED).slowNext(Operation.VERIFY, 1, Duration.ofSeconds(1));
        world.faults().clear();
        assertEquals(0, world.faults().pending());
        assertEquals(PromotionResult.Status.PROMOTED, world.promote(digest, "dev", ALICE).status());
    }

    @Test
    void corruptBytes_onlyApplyToTransfers() {
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> world.faults().failNext(Operation.VERIFY, 1, Fault.CORRUPT_BYTES));
        assertEquals("fault", e.field());
        assertTrue(e.rule().contains("TRANSFER"), e.rule());
    }

    @Test
    void aNonPositiveCount_isRejected() {
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> world.faults().failNext(Operation.TRANSFER, 0, Fault.THROTTLED));
        assertEquals("times", e.field());
        assertEquals("0", e.value());
    }

    @Test
    void callRecords_sayWhatWasCalledWhereAndByWhom() {
        world.calls().clear();

        world.promote(digest, "dev", ALICE);

        List<Operation> operations = world.calls().all().stream().map(CallRecord::operation).distinct().toList();
        assertEquals(List.of(Operation.LEDGER_APPEND, Operation.OPEN_ACCESS, Operation.TRANSFER, Operation.VERIFY),
                operations);
        assertTrue(world.calls().inAccount(AccountId.of("222222222222")).stream()
                .allMatch(c -> "alice".equals(c.principal())));
        assertEquals(1, world.calls().count(Operation.TRANSFER));
        assertTrue(world.calls().inAccount(AccountId.of("999999999999")).stream()
                .allMatch(c -> c.operation() == Operation.LEDGER_APPEND));
    }

    @Test
    void aFailedCall_isRecordedWithItsCause() {
        world.faults().failNext(Operation.TRANSFER, 1, Fault.TIMEOUT);
        failedPromotion("dev");
        CallRecord transfer = world.calls().of(Operation.TRANSFER).get(0);
        assertTrue(transfer.failed());
        assertTrue(transfer.failure().startsWith("BackendUnavailableException"), transfer.failure());
    }
}
