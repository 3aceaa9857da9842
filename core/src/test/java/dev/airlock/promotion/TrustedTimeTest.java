package dev.airlock.promotion;

import static dev.airlock.promotion.EngineFixture.ALICE;
import static dev.airlock.promotion.EngineFixture.T0;
import static dev.airlock.promotion.EngineFixture.command;
import static dev.airlock.promotion.EngineFixture.register;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.InvalidValueException;
import dev.airlock.artifact.Digest;
import dev.airlock.ledger.BrokenLink;
import dev.airlock.ledger.ChainReport;
import dev.airlock.ledger.EntryType;
import dev.airlock.ledger.LedgerChain;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.spi.Ledger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Time is the clock's: an entry dated before its predecessor beyond the skew is refused and reported. */
class TrustedTimeTest {
    @TempDir
    Path root;

    EngineFixture fixture;
    PromotionEngine engine;
    Digest digest;

    @BeforeEach
    void setUp() {
        fixture = new EngineFixture(root);
        engine = fixture.engine();
        digest = register(engine, "1.0.0");
    }

    private PromotionEngine engineAt(Instant now) {
        return PromotionEngine.builder().landscape(fixture.landscape).guardrails(fixture.guardrails)
                .keyring(fixture.keys).signers(fixture.keys)
                .backend(fixture.backend).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
    }

    @Test
    void append_byAClockBehindTheLastEntryBeyondTheSkew_isRefusedAndRecordsNothing() {
        long before = fixture.backend.ledger().lastSequence();

        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> engineAt(T0.minus(Duration.ofHours(1))).promote(command(digest, "dev")));

        assertTrue(e.getMessage().contains("earlier than ledger entry " + before), e.getMessage());
        assertTrue(e.getMessage().contains("clock skew of PT5M"), e.getMessage());
        assertEquals(before, fixture.backend.ledger().lastSequence());
    }

    @Test
    void append_byAClockBehindWithinTheSkew_isAccepted() {
        PromotionResult result = engineAt(T0.minus(Duration.ofMinutes(4))).promote(command(digest, "dev"));

        assertEquals(PromotionResult.Status.PROMOTED, result.status());
    }

    @Test
    void maxClockSkew_isConfigurable() {
        PromotionEngine strict = PromotionEngine.builder().landscape(fixture.landscape).guardrails(fixture.guardrails)
                .keyring(fixture.keys).signers(fixture.keys)
                .backend(fixture.backend).clock(Clock.fixed(T0.minusSeconds(1), ZoneOffset.UTC))
                .maxClockSkew(Duration.ZERO).build();

        assertThrows(InvalidValueException.class, () -> strict.promote(command(digest, "dev")));
        assertThrows(InvalidValueException.class, () -> PromotionEngine.builder().maxClockSkew(Duration.ofSeconds(-1)));
    }

    @Test
    void verifyLedger_reportsAnEntryDatedBeforeItsPredecessorBeyondTheSkew_asTimeReversed() {
        Ledger ledger = fixture.backend.ledger();
        LedgerEntry last = ledger.read(ledger.lastSequence()).get(0);
        // Written past the engine, as a script with the ledger's write permission could.
        LedgerEntry backdated = LedgerChain.next(last, new LedgerEntry.Draft(EntryType.VERIFIED, "mallory", "dev",
                digest, null, Map.of()), T0.minus(Duration.ofDays(3)));
        ledger.append(backdated);

        ChainReport report = engine.verifyLedger();

        assertEquals(BrokenLink.Kind.TIME_REVERSED, report.brokenLink().kind(), report.toString());
        assertEquals(backdated.sequence(), report.brokenLink().sequence());
        assertTrue(LedgerChain.verify(ledger.read(1)).ok(), "the hash links alone still hold");
    }

    @Test
    void aPromoterWhoseClockIsBehind_cannotWriteBehindAFutureDatedLease() {
        Ledger ledger = fixture.backend.ledger();
        LedgerEntry last = ledger.read(ledger.lastSequence()).get(0);
        Instant future = T0.plus(Duration.ofDays(365));
        // A lease taken by a process whose clock is a year ahead: later writers see it as the last entry.
        LedgerEntry decided = LedgerChain.next(last, new LedgerEntry.Draft(EntryType.DECIDED, "mallory", "dev",
                digest, "ahead", Map.of("idempotencyKey", "ahead", "outcome", "ALLOWED")), future);
        ledger.append(decided);

        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> engineAt(T0).promote(command(digest, "dev")));

        assertTrue(e.getMessage().contains(future.toString()), e.getMessage());
    }

    @Test
    void aLeaseHeldByAnother_cannotBeTakenOverBeforeItExpiresByThisEnginesClock() {
        Ledger ledger = fixture.backend.ledger();
        LedgerEntry last = ledger.read(ledger.lastSequence()).get(0);
        LedgerEntry decided = LedgerChain.next(last, new LedgerEntry.Draft(EntryType.DECIDED, "bob", "dev", digest,
                "holder", Map.of("idempotencyKey", "holder", "outcome", "ALLOWED")), T0);
        ledger.append(decided);
        ledger.append(LedgerChain.next(decided, new LedgerEntry.Draft(EntryType.LEASED, "bob", "dev", digest,
                "holder", Map.of("token", "1", "expiresAt", T0.plus(Duration.ofMinutes(15)).toString())), T0));

        LeaseHeldException early = assertThrows(LeaseHeldException.class,
                () -> engineAt(T0.plus(Duration.ofMinutes(14))).promote(command(digest, "dev")));
        assertEquals("holder", early.holder());
        assertEquals(PromotionResult.Status.PROMOTED,
                engineAt(T0.plus(Duration.ofMinutes(16))).promote(command(digest, "dev")).status());
    }
}
