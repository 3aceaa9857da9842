package dev.airlock.promotion;

import static dev.airlock.promotion.EngineFixture.ALICE;
import static dev.airlock.promotion.EngineFixture.command;
import static dev.airlock.promotion.EngineFixture.register;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.AirlockException;
import dev.airlock.artifact.Digest;
import dev.airlock.ledger.EntryType;
import dev.airlock.ledger.LedgerChain;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.spi.ForwardingLedger;
import dev.airlock.spi.Ledger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever the interleaving of resume, abort and a retried promote on one crashed promotion (each may
 * run in full between any two ledger appends of another), a promotion takes no step after it ended,
 * and an aborted one never promoted.
 */
class AbortIsFinalPropertyTest {
    enum Op { RESUME, ABORT, PROMOTE }

    /** One operation, and the append of it (counted from 1) before which the next operation runs in full. */
    record Step(Op op, int interruptAt) {
    }

    private static final Set<EntryType> TERMINAL = EnumSet.of(EntryType.RELEASED, EntryType.FAILED, EntryType.ABORTED);

    @Property(tries = 60)
    void anEndedPromotionTakesNoFurtherStep(@ForAll("crashPoints") EntryType crashBefore,
            @ForAll("interleavings") List<Step> steps) throws IOException {
        Path root = Files.createTempDirectory("airlock-abort-property");
        try {
            EngineFixture fixture = new EngineFixture(root);
            PromotionEngine engine = fixture.engine();
            Digest previous = register(engine, "0.9.0");
            engine.promote(command(previous, "dev"));
            Digest digest = register(engine, "1.0.0");
            PromotionEngine dying = fixture.engine(UnaryOperator.identity(), UnaryOperator.identity(),
                    ledger -> Faults.beforeAppending(ledger, crashBefore, entry -> {
                        throw new Faults.Crash("before " + crashBefore);
                    }));
            assertThrows(Faults.Crash.class, () -> dying.promote(command(digest, "dev")));
            String crashed = fixture.backend.ledger().read(1).stream()
                    .filter(e -> e.type() == EntryType.DECIDED && digest.equals(e.digest()))
                    .map(LedgerEntry::promotionId).findFirst().orElseThrow();

            run(fixture, steps, 0, crashed, digest);

            List<LedgerEntry> ledger = fixture.backend.ledger().read(1);
            assertTrue(LedgerChain.verify(ledger).ok());
            Map<String, EntryType> ended = new HashMap<>();
            for (LedgerEntry entry : ledger) {
                if (entry.promotionId() == null) {
                    continue;
                }
                EntryType end = ended.get(entry.promotionId());
                assertNull(end, () -> entry.type() + " for promotion " + entry.promotionId() + " after its " + end);
                if (TERMINAL.contains(entry.type())) {
                    ended.put(entry.promotionId(), entry.type());
                }
            }
            boolean abortedCrashed = ledger.stream().anyMatch(e -> crashed.equals(e.promotionId())
                    && e.type() == EntryType.ABORTED);
            boolean promotedCrashed = ledger.stream().anyMatch(e -> crashed.equals(e.promotionId())
                    && e.type() == EntryType.PROMOTED);
            assertFalse(abortedCrashed && promotedCrashed, "the aborted promotion " + crashed + " promoted");
            PromotionEngine restarted = fixture.restart();
            Digest current = restarted.status().get(0).current().digest();
            assertTrue(current.equals(previous) || current.equals(digest), current::toString);
        } finally {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** Runs {@code steps[i]} on its own engine (another process), with {@code steps[i + 1..]} nested inside it. */
    private static void run(EngineFixture fixture, List<Step> steps, int i, String crashed, Digest digest) {
        if (i == steps.size()) {
            return;
        }
        Step step = steps.get(i);
        int[] appends = {0};
        PromotionEngine engine = fixture.engine(UnaryOperator.identity(), UnaryOperator.identity(),
                ledger -> new ForwardingLedger(ledger) {
                    @Override
                    public void append(LedgerEntry entry) {
                        if (++appends[0] == step.interruptAt()) {
                            run(fixture, steps, i + 1, crashed, digest);
                        }
                        super.append(entry);
                    }
                });
        try {
            switch (step.op()) {
                case RESUME -> engine.resume(crashed, ALICE);
                case ABORT -> engine.abort(crashed, ALICE, "promoter host lost");
                case PROMOTE -> engine.promote(command(digest, "dev"));
            }
        } catch (AirlockException refused) {
            // Refusals (ended, in progress, lease held or lost) are answers; the ledger is what is checked.
        }
        if (appends[0] < step.interruptAt()) {
            run(fixture, steps, i + 1, crashed, digest); // it appended less than that: the rest runs after it
        }
    }

    @Provide
    Arbitrary<EntryType> crashPoints() {
        return Arbitraries.of(EntryType.LEASED, EntryType.TRANSFERRED, EntryType.PROMOTED, EntryType.RELEASED);
    }

    @Provide
    Arbitrary<List<Step>> interleavings() {
        Arbitrary<Step> step = Arbitraries.of(Op.class).flatMap(op -> Arbitraries.integers().between(1, 5)
                .map(at -> new Step(op, at)));
        return step.list().ofMinSize(2).ofMaxSize(4);
    }
}
