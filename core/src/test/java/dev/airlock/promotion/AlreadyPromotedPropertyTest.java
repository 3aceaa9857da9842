package dev.airlock.promotion;

import static dev.airlock.promotion.EngineFixture.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.AirlockException;
import dev.airlock.artifact.Digest;
import dev.airlock.ledger.EntryType;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.promotion.PromotionResult.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Over random sequences of promotions (default or own keys), retries, verifications and rollbacks of one
 * environment: whenever the answer is "already promoted", the environment runs the digest, or the
 * caller's own key names an earlier promotion of it that completed. And "promoted" means it runs it.
 */
class AlreadyPromotedPropertyTest {

    @Property(tries = 60)
    void alreadyPromoted_isTrue(@ForAll("histories") List<int[]> history) throws IOException {
        Path root = Files.createTempDirectory("airlock-already-property");
        try {
            EngineFixture fixture = new EngineFixture(root);
            PromotionEngine engine = fixture.engine();
            List<Digest> digests = List.of(EngineFixture.register(engine, "1"), EngineFixture.register(engine, "2"),
                    EngineFixture.register(engine, "3"));
            List<PromotionCommand> sent = new ArrayList<>();
            for (int[] step : history) {
                PromotionCommand command = switch (step[0]) {
                    case 0 -> PromotionCommand.builder(digests.get(step[1] % 3), "dev", ALICE).build();
                    case 1 -> PromotionCommand.builder(digests.get(step[1] % 3), "dev", ALICE)
                            .idempotencyKey("own-" + step[2]).build();
                    case 2 -> sent.isEmpty() ? null : sent.get(step[1] % sent.size());
                    default -> null;
                };
                try {
                    if (command != null) {
                        sent.add(command);
                        check(fixture, engine, command, engine.promote(command));
                    } else if (step[0] == 3) {
                        Digest current = current(engine);
                        if (current != null) {
                            engine.markVerified(current, "dev", ALICE);
                        }
                    } else if (step[0] == 4) {
                        String key = step[2] % 2 == 0 ? "rollback-" + step[2]
                                : PromotionCommand.defaultKey(digests.get(step[1] % 3), "dev");
                        PromotionResult result = engine.rollback("dev", ALICE, key);
                        // What the rollback asked for, as a promotion of the digest it chose under its key.
                        check(fixture, engine, PromotionCommand.builder(result.digest(), "dev", ALICE)
                                .idempotencyKey(key).build(), result);
                    }
                } catch (AirlockException refused) {
                    // A reused key, nothing to roll back to: answers, not what this property is about.
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static Digest current(PromotionEngine engine) {
        var status = engine.status().get(0);
        return status.current() == null ? null : status.current().digest();
    }

    private static void check(EngineFixture fixture, PromotionEngine engine, PromotionCommand command,
            PromotionResult result) {
        Digest current = current(engine);
        if (result.status() == Status.PROMOTED) {
            assertEquals(result.digest(), current);
        }
        if (result.status() != Status.ALREADY_PROMOTED || result.digest().equals(current)) {
            return;
        }
        assertFalse(command.hasDefaultKey(), () -> "already promoted " + result.digest().shortForm() + " while dev runs "
                + current + " under the default key");
        List<LedgerEntry> earlier = fixture.backend.ledger().read(1).stream()
                .filter(e -> result.promotionId().equals(e.promotionId())).toList();
        assertTrue(earlier.stream().anyMatch(e -> e.type() == EntryType.DECIDED
                && command.idempotencyKey().equals(e.detail("idempotencyKey"))), "not the caller's key");
        assertTrue(earlier.stream().anyMatch(e -> (e.type() == EntryType.PROMOTED
                || e.type() == EntryType.ROLLED_BACK) && e.digest().equals(command.digest())),
                "the named promotion never promoted");
    }

    @Provide
    Arbitrary<List<int[]>> histories() {
        Arbitrary<int[]> step = Arbitraries.integers().between(0, 4).flatMap(op -> Arbitraries.integers()
                .between(0, 5).tuple2().map(t -> new int[] {op, t.get1(), t.get2()}));
        return step.list().ofMinSize(3).ofMaxSize(30);
    }
}
