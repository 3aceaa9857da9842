package dev.airlock.promotion;

import static dev.airlock.promotion.EngineFixture.ALICE;
import static dev.airlock.promotion.EngineFixture.command;
import static dev.airlock.promotion.EngineFixture.register;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.artifact.Digest;
import dev.airlock.ledger.EntryType;
import dev.airlock.ledger.LedgerChain;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.promotion.PromotionResult.Status;
import dev.airlock.spi.AccessSession;
import dev.airlock.spi.ArtifactStore;
import dev.airlock.spi.BackendUnavailableException;
import dev.airlock.spi.DigestMismatchException;
import dev.airlock.spi.Place;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every step's failure ends in a consistent state: never PROMOTED without the artifact verified at the target. */
class PromotionFaultTest {
    @TempDir
    Path root;

    EngineFixture fixture;
    Digest digest;

    @BeforeEach
    void setUp() {
        fixture = new EngineFixture(root);
        digest = register(fixture.engine(), "1.0.0");
    }

    private List<EntryType> types() {
        return fixture.backend.ledger().read(1).stream().filter(e -> "dev".equals(e.environment()))
                .map(LedgerEntry::type).toList();
    }

    private void assertConsistentAndNotPromoted() {
        assertFalse(types().contains(EntryType.PROMOTED), types().toString());
        assertNull(fixture.restart().status().get(0).current());
        assertNull(fixture.engine().status().get(0).leaseHolder(), "a failed promotion must release its lease");
        assertTrue(LedgerChain.verify(fixture.backend.ledger().read(1)).ok());
    }

    @Test
    void transferFails_recordsFailedWithTheCause_andARetryWithTheSameKeySucceeds() {
        PromotionEngine failing = fixture.engine(store -> new Faults.StoreWrapper(store) {
            @Override
            public Transfer transfer(Digest d, Place target, AccessSession session) {
                throw new BackendUnavailableException("throttled: SlowDown");
            }
        }, UnaryOperator.identity(), UnaryOperator.identity());

        PromotionFailedException e = assertThrows(PromotionFailedException.class,
                () -> failing.promote(command(digest, "dev")));

        assertTrue(e.retryable());
        assertEquals(List.of(EntryType.DECIDED, EntryType.LEASED, EntryType.FAILED), types());
        LedgerEntry failed = fixture.backend.ledger().read(1).stream().filter(x -> x.type() == EntryType.FAILED)
                .findFirst().orElseThrow();
        assertTrue(failed.detail("cause").contains("SlowDown"), failed.details().toString());
        assertConsistentAndNotPromoted();
        assertEquals(Status.PROMOTED, fixture.engine().promote(command(digest, "dev")).status());
    }

    @Test
    void verificationMismatch_atTheTarget_failsAndNeverPromotes() {
        PromotionEngine corrupting = fixture.engine(store -> new Faults.StoreWrapper(store) {
            @Override
            public Transfer transfer(Digest d, Place target, AccessSession session) {
                Transfer transfer = delegate.transfer(d, target, session);
                corrupt(fixture.backend.root(), target, d);
                return transfer;
            }
        }, UnaryOperator.identity(), UnaryOperator.identity());

        PromotionFailedException e = assertThrows(PromotionFailedException.class,
                () -> corrupting.promote(command(digest, "dev")));

        assertTrue(e.getCause() instanceof DigestMismatchException, String.valueOf(e.getCause()));
        assertConsistentAndNotPromoted();
    }

    private static void corrupt(Path backendRoot, Place place, Digest digest) {
        try (var files = Files.walk(backendRoot.resolve("artifacts"))) {
            Path file = files.filter(p -> p.getFileName().toString().equals(digest.hex()))
                    .filter(p -> p.toString().contains("/" + place.name() + "/")).findFirst().orElseThrow();
            file.toFile().setWritable(true);
            Files.writeString(file, "tampered bytes");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void accessDenied_recordsFailed() {
        PromotionEngine denied = fixture.engine(UnaryOperator.identity(), access -> (env, context) -> {
            throw new dev.airlock.spi.AccessDeniedException("not authorized to perform: sts:AssumeRole on "
                    + env.deployRole());
        }, UnaryOperator.identity());

        PromotionFailedException e = assertThrows(PromotionFailedException.class,
                () -> denied.promote(command(digest, "dev")));

        assertTrue(e.getMessage().contains("open access to dev"), e.getMessage());
        assertConsistentAndNotPromoted();
    }

    @Test
    void anotherWriterAppendsConcurrently_theEngineRereadsAndStillPromotesOnce() {
        PromotionEngine other = fixture.engine();
        Digest second = register(other, "2.0.0");
        boolean[] injected = {false};
        PromotionEngine engine = fixture.engine(UnaryOperator.identity(), UnaryOperator.identity(),
                ledger -> Faults.beforeAppending(ledger, EntryType.PROMOTED, entry -> {
                    if (!injected[0]) {
                        injected[0] = true; // another process approves in between: our PROMOTED loses the race once
                        other.approve(second, "test", ALICE);
                    }
                }));

        assertEquals(Status.PROMOTED, engine.promote(command(digest, "dev")).status());

        assertTrue(injected[0]);
        assertEquals(1, types().stream().filter(t -> t == EntryType.PROMOTED).count());
        assertTrue(LedgerChain.verify(fixture.backend.ledger().read(1)).ok());
    }

    @Test
    void leaseTakenOverByAnotherPromotion_staleHolderCannotPromote() {
        Digest second = register(fixture.engine(), "2.0.0");
        PromotionEngine engine = fixture.engine(UnaryOperator.identity(), UnaryOperator.identity(),
                ledger -> Faults.beforeAppending(ledger, EntryType.TRANSFERRED, entry -> {
                    // Our lease lapses and a second promotion takes dev over: its LEASED entry bumps the token.
                    String ours = entry.promotionId();
                    LedgerEntry lease = ledger.read(1).stream()
                            .filter(e -> e.type() == EntryType.LEASED && ours.equals(e.promotionId())).findFirst()
                            .orElseThrow();
                    ledger.append(LedgerChain.next(ledger.read(ledger.lastSequence()).get(0),
                            new LedgerEntry.Draft(EntryType.LEASED, "bob", "dev", second, "other-promotion",
                                    Map.of("token", Long.toString(Long.parseLong(lease.detail("token")) + 1),
                                            "expiresAt", EngineFixture.T0.plusSeconds(900).toString())),
                            EngineFixture.T0));
                }));

        assertThrows(LeaseLostException.class, () -> engine.promote(command(digest, "dev")));

        assertFalse(types().contains(EntryType.PROMOTED));
    }

    @Test
    void environmentMovedBetweenDecisionAndLease_attemptEndsFailed_leaseStaysFree_andARetryDecidesAfresh() {
        PromotionEngine other = fixture.engine();
        Digest second = register(other, "2.0.0");
        boolean[] injected = {false};
        PromotionEngine engine = fixture.engine(UnaryOperator.identity(), UnaryOperator.identity(),
                ledger -> Faults.beforeAppending(ledger, EntryType.LEASED, entry -> {
                    if (!injected[0]) {
                        injected[0] = true; // another process promotes dev after our decision, before our lease
                        other.promote(command(second, "dev"));
                    }
                }));

        PromotionConflictException moved = assertThrows(PromotionConflictException.class,
                () -> engine.promote(command(digest, "dev")));

        assertTrue(moved.getMessage().contains("moved from nothing to " + second.shortForm()), moved.getMessage());
        assertEquals(EntryType.FAILED, types().get(types().size() - 1));
        assertNull(engine.status().get(0).leaseHolder(), "the failed attempt holds no lease");
        PromotionResult retry = engine.promote(command(digest, "dev"));
        assertEquals(Status.PROMOTED, retry.status());
        assertEquals(second, retry.previous());
        assertTrue(LedgerChain.verify(fixture.backend.ledger().read(1)).ok());
    }
}
