package dev.airlock.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.airlock.AirlockException;
import dev.airlock.artifact.Digest;
import dev.airlock.guardrail.Outcome;
import dev.airlock.guardrail.Principal;
import dev.airlock.ledger.Checkpoint;
import dev.airlock.spi.ForwardingLedger;
import dev.airlock.spi.Ledger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Loading from any checkpoint gives the same view as replaying the ledger from its first entry:
 * whatever a random history of registrations, promotions, verifications, approvals, rollbacks and
 * checkpoints, an engine that starts from the newest checkpoint and one that replays everything hold
 * the same state (compared character for character) and report the same status.
 */
class CheckpointReplayPropertyTest {
    private static final List<String> ENVIRONMENTS = List.of("dev", "test", "staging", "prod");

    @Property(tries = 40)
    void startingFromTheNewestCheckpoint_equalsReplayingFromTheFirstEntry(@ForAll("histories") List<int[]> history)
            throws IOException {
        Path root = Files.createTempDirectory("airlock-checkpoint-property");
        try {
            EngineFixture fixture = new EngineFixture(root);
            PromotionEngine engine = fixture.engine();
            List<Digest> digests = new ArrayList<>();
            for (int[] step : history) {
                play(fixture, engine, digests, step);
            }
            play(fixture, engine, digests, new int[] {0, 0, 0});

            PromotionEngine fromCheckpoint = fixture.engine(s -> s, a -> a, ledger -> new Hidden(ledger, true));
            PromotionEngine replaying = fixture.engine(s -> s, a -> a, ledger -> new Hidden(ledger, false));

            assertEquals(replaying.checkpoint().state(), fromCheckpoint.checkpoint().state());
            assertEquals(replaying.status(), fromCheckpoint.status());
        } finally {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Provide
    Arbitrary<List<int[]>> histories() {
        Arbitrary<int[]> step = Arbitraries.integers().between(0, 6).flatMap(op -> Arbitraries.integers()
                .between(0, 7).tuple2().map(t -> new int[] {op, t.get1(), t.get2()}));
        return step.list().ofMinSize(1).ofMaxSize(40);
    }

    /** One step of a history; steps the engine refuses (an unknown digest, nothing to roll back) are part of it. */
    private static void play(EngineFixture fixture, PromotionEngine engine, List<Digest> digests, int[] step) {
        String environment = ENVIRONMENTS.get(step[1] % ENVIRONMENTS.size());
        Optional<Digest> digest = digests.isEmpty() ? Optional.empty()
                : Optional.of(digests.get(step[2] % digests.size()));
        try {
            switch (step[0]) {
                case 0 -> digests.add(EngineFixture.register(engine, "1." + digests.size()));
                case 1 -> digest.ifPresent(d -> engine.promote(PromotionCommand.builder(d, environment,
                        EngineFixture.ALICE).idempotencyKey("k" + step[2]).build()));
                case 2 -> digest.ifPresent(d -> engine.markVerified(d, environment, EngineFixture.ALICE));
                case 3 -> digest.ifPresent(d -> engine.approve(d, environment, Principal.of("rob")));
                case 4 -> engine.rollback(environment, EngineFixture.ALICE, "rollback-" + step[2]);
                case 5 -> engine.checkpoint();
                default -> fixture.guardrails.outcome = Outcome.values()[step[2] % Outcome.values().length];
            }
        } catch (AirlockException refused) {
            // The refusal is what the history holds at this step.
        }
    }

    /** The ledger with its checkpoints hidden from writing (and, for a replay, from reading). */
    private static final class Hidden extends ForwardingLedger {
        private final boolean readNewest;

        Hidden(Ledger ledger, boolean readNewest) {
            super(ledger);
            this.readNewest = readNewest;
        }

        @Override
        public boolean putCheckpoint(Checkpoint checkpoint) {
            return false;
        }

        @Override
        public List<Checkpoint> checkpoints(long fromSequence) {
            return List.of();
        }

        @Override
        public Optional<Checkpoint> latestCheckpoint() {
            return readNewest ? super.latestCheckpoint() : Optional.empty();
        }
    }
}
