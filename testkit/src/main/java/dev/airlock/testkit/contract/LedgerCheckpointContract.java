package dev.airlock.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.artifact.ArtifactKind;
import dev.airlock.artifact.Digest;
import dev.airlock.artifact.Provenance;
import dev.airlock.attestation.InMemoryKeys;
import dev.airlock.guardrail.Principal;
import dev.airlock.ledger.BrokenLink;
import dev.airlock.ledger.ChainReport;
import dev.airlock.ledger.Checkpoint;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.ledger.LedgerTamperedException;
import dev.airlock.promotion.ArtifactRegistration;
import dev.airlock.promotion.PromotionCommand;
import dev.airlock.promotion.PromotionEngine;
import dev.airlock.spi.Ledger;
import dev.airlock.testkit.TestWorld;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The part of the {@link LedgerContract} about checkpoints and about what the engine does with a
 * ledger whose storage was changed behind its back: it stores checkpoints and never replaces one, a
 * cold engine starts from the newest and reads only the entries after it, and every kind of
 * tampering in those entries, truncation below a checkpoint and a checkpoint from another ledger make
 * the engine refuse to act, naming the first broken link. Subclass {@link LedgerContract}, not this.
 *
 * @param <L> the ledger implementation
 */
public abstract class LedgerCheckpointContract<L extends Ledger> {
    private static final Principal ALICE = Principal.of("alice", "developers");
    private static final Instant BUILT = Instant.parse("2026-03-02T08:00:00Z");

    /** Creates a new, empty ledger; every call returns one that shares no entries with earlier ones. */
    protected abstract L createLedger();

    /**
     * Another handle on {@code ledger}'s storage, as a second process would open it. The default is
     * {@code ledger} itself, for implementations that live in one process only.
     */
    protected Ledger anotherWriter(L ledger) {
        return ledger;
    }

    /**
     * Replaces what {@code ledger} stores with {@code rewrite}'s result, in that order, without going
     * through {@link Ledger#append}: the storage afterwards holds exactly the returned entries, as
     * they are (entry {@code i} of the list at position {@code i}), whatever their sequence numbers.
     * The list passed to {@code rewrite} is a mutable copy of the stored entries.
     *
     * <p>Implement it, or override {@link #tamperingUnsupportedBecause()}.
     */
    protected void tamper(L ledger, UnaryOperator<List<LedgerEntry>> rewrite) {
        throw Unsupported.hookMissing("tamper(ledger, rewrite)", "tamperingUnsupportedBecause()",
                "that verification detects edited, deleted, reordered and inserted entries");
    }

    /**
     * Why this implementation's storage cannot be tampered with by a test, or empty (the default)
     * when {@link #tamper} is implemented. The tampering cases are then reported as aborted with
     * this reason.
     */
    protected Optional<String> tamperingUnsupportedBecause() {
        return Optional.empty();
    }

    /** A fresh ledger, after checking the implementation lets a test tamper with it. */
    L tamperable() {
        Unsupported.abortIfDeclared("tampering with stored entries", "tamperingUnsupportedBecause()",
                tamperingUnsupportedBecause());
        return createLedger();
    }

    @Test
    void checkpoints_areStoredOnce_andReadBackInOrder() {
        L ledger = createLedger();
        Story story = new Story(ledger);
        Checkpoint first = story.engine.checkpoint();
        story.promote("test");
        Checkpoint second = story.engine.checkpoint();
        Checkpoint impostor = Checkpoint.of(first.head(), first.writtenAt().plusSeconds(1), first.state());

        assertFalse(ledger.putCheckpoint(impostor), "a checkpoint is never replaced");
        assertEquals(List.of(first, second), ledger.checkpoints(0));
        assertEquals(List.of(second), ledger.checkpoints(first.sequence() + 1));
        assertEquals(Optional.of(second), ledger.latestCheckpoint());
        assertEquals(second, story.engine.checkpoint(), "on demand at the same head: the stored checkpoint");
    }

    @Test
    void coldEngine_startsFromTheNewestCheckpoint_withTheSameViewAsAReplay() {
        L ledger = createLedger();
        Story story = new Story(ledger);
        story.engine.checkpoint();
        story.promote("test");

        PromotionEngine cold = story.coldEngine(anotherWriter(ledger));

        assertEquals(story.engine.status(), cold.status());
        assertEquals(story.engine.head(), cold.head());
        assertTrue(cold.verifyLedger().ok(), () -> cold.verifyLedger().summary());
        assertEquals(ChainReport.intact(ledger.lastSequence() - ledger.latestCheckpoint().orElseThrow().sequence()),
                cold.verifyLedgerTail());
    }

    @Test
    void tailEntryEdited_isRefused() {
        assertRefused(entries -> {
            LedgerEntry e = entries.get(entries.size() - 2);
            entries.set(entries.size() - 2, new LedgerEntry(e.sequence(), e.time(), e.type(), "mallory",
                    e.environment(), e.digest(), e.promotionId(), e.details(), e.previousHash(), e.hash()));
            return entries;
        }, BrokenLink.Kind.EDITED, -1);
    }

    @Test
    void tailEntryDeleted_isRefused() {
        assertRefused(entries -> {
            entries.remove(entries.size() - 2);
            return entries;
        }, BrokenLink.Kind.MISSING, -1);
    }

    @Test
    void tailEntriesSwapped_isRefused() {
        assertRefused(entries -> {
            Collections.swap(entries, entries.size() - 3, entries.size() - 2);
            return entries;
        }, BrokenLink.Kind.REORDERED, -2);
    }

    @Test
    void entryInsertedIntoTheTail_isRefused() {
        assertRefused(entries -> {
            entries.add(entries.size() - 1, entries.get(entries.size() - 3));
            return entries;
        }, BrokenLink.Kind.DUPLICATED, 0);
    }

    @Test
    void entriesCutBelowTheNewestCheckpoint_areRefusedAsTruncation() {
        L ledger = tamperable();
        Story story = new Story(ledger);
        story.promote("test");
        Checkpoint checkpoint = story.engine.checkpoint();
        tamper(ledger, entries -> entries.subList(0, (int) checkpoint.sequence() - 3));

        LedgerTamperedException e = assertThrows(LedgerTamperedException.class,
                () -> story.coldEngine(anotherWriter(ledger)).status());

        assertEquals(BrokenLink.Kind.TRUNCATED, e.brokenLink().kind(), e::getMessage);
        assertTrue(e.getMessage().contains("the ledger ends at entry " + (checkpoint.sequence() - 3)), e::getMessage);
    }

    @Test
    void checkpointOfAnotherLedger_isRefused() {
        L ledger = createLedger();
        Story story = new Story(ledger);
        Story other = new Story(createLedger());
        other.promote("test");
        Checkpoint foreign = other.engine.checkpoint();
        story.promote("test");
        assertEquals(foreign.sequence(), ledger.lastSequence(), "both stories write the same number of entries");
        ledger.putCheckpoint(foreign);

        LedgerTamperedException e = assertThrows(LedgerTamperedException.class,
                () -> story.coldEngine(anotherWriter(ledger)).status());

        assertEquals(BrokenLink.Kind.CHECKPOINT_MISMATCH, e.brokenLink().kind(), e::getMessage);
    }

    @Test
    void checkpointWithAForgedState_isFoundByTheFullVerification() {
        L ledger = createLedger();
        Story story = new Story(ledger);
        Story twin = new Story(createLedger());
        String forged = twin.engine.checkpoint().state().replace("[\"dev\"", "[\"test\"");
        ledger.putCheckpoint(Checkpoint.of(story.engine.head(), BUILT, forged));

        ChainReport report = story.coldEngine(anotherWriter(ledger)).verifyLedger();

        assertEquals(BrokenLink.Kind.CHECKPOINT_MISMATCH, report.brokenLink().kind(), report::summary);
        assertTrue(report.summary().contains("records another state than the entries up to it produce"),
                report::summary);
    }

    @Test
    void entryEditedBeforeTheNewestCheckpoint_isFoundByTheFullVerification() {
        L ledger = tamperable();
        Story story = new Story(ledger);
        story.promote("test");
        story.engine.checkpoint();
        tamper(ledger, entries -> {
            LedgerEntry e = entries.get(1);
            entries.set(1, new LedgerEntry(e.sequence(), e.time(), e.type(), "mallory", e.environment(), e.digest(),
                    e.promotionId(), e.details(), e.previousHash(), e.hash()));
            return entries;
        });

        ChainReport report = story.coldEngine(anotherWriter(ledger)).verifyLedger();

        assertEquals(BrokenLink.Kind.EDITED, report.brokenLink().kind(), report::summary);
        assertEquals(2, report.brokenLink().sequence(), report::summary);
    }

    /**
     * Tampers with the entries after the newest checkpoint and checks that a cold engine refuses to report,
     * decide or append, naming the link at {@code offset} from the last entry as broken.
     */
    private void assertRefused(UnaryOperator<List<LedgerEntry>> rewrite, BrokenLink.Kind kind, int offset) {
        L ledger = tamperable();
        Story story = new Story(ledger);
        story.engine.checkpoint();
        story.promote("test");
        long last = ledger.lastSequence();
        tamper(ledger, rewrite);
        PromotionEngine cold = story.coldEngine(anotherWriter(ledger));

        LedgerTamperedException status = assertThrows(LedgerTamperedException.class, cold::status);
        assertThrows(LedgerTamperedException.class, () -> cold.promote(PromotionCommand.builder(story.digest, "test",
                ALICE).idempotencyKey("again").build()));

        assertEquals(kind, status.brokenLink().kind(), status::getMessage);
        assertEquals(last + offset, status.brokenLink().sequence(), status::getMessage);
        assertTrue(status.getMessage().startsWith("ledger tampered: "), status::getMessage);
    }

    /** One set of keys for every story, so one story's checkpoint is judged by its content, not its keyring. */
    private static final InMemoryKeys KEYS = new InMemoryKeys();

    /** An artifact registered and promoted into dev through an engine on the ledger under test. */
    private static final class Story {
        final TestWorld world = TestWorld.fourStages().build();
        final PromotionEngine engine;
        final Digest digest;

        Story(Ledger ledger) {
            engine = coldEngine(ledger);
            digest = engine.register(new ArtifactRegistration("payments-api", "1.4.2", ArtifactKind.FILE,
                    "application/java-archive", new Provenance("github.com/acme/payments", "9f1c2e7", "build-1",
                            "ci@tooling", BUILT)),
                    new ByteArrayInputStream("payments-api 1.4.2".getBytes(StandardCharsets.UTF_8)), ALICE).digest();
            promote("dev");
        }

        void promote(String environment) {
            engine.promote(PromotionCommand.builder(digest, environment, ALICE).build());
            engine.markVerified(digest, environment, ALICE);
        }

        /** An engine that starts from what the ledger stores, as a new process would. */
        PromotionEngine coldEngine(Ledger ledger) {
            return PromotionEngine.builder().landscape(world.landscape()).guardrails(world.guardrails())
                    .store(world.store()).access(world.access()).ledger(ledger).clock(world.clock())
                    .keyring(KEYS).signers(KEYS).checkpointInterval(0).build();
        }
    }
}
