package dev.airlock.testkit.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.airlock.promotion.PromotionEngine;
import dev.airlock.testkit.CallLog;
import dev.airlock.testkit.Faults;
import dev.airlock.testkit.InMemoryArtifactStore;
import dev.airlock.testkit.InMemoryLedger;
import dev.airlock.testkit.ManualClock;
import dev.airlock.testkit.TestWorld;
import dev.airlock.testkit.TestWorldBuilder;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The default world, injected. The tests run in a fixed order so the later ones can check that
 * what the earlier ones did is gone.
 */
@ExtendWith(AirlockExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AirlockExtensionTest {
    private static TestWorld firstWorld;
    private TestWorld fromBeforeEach;

    @BeforeEach
    void setUp(TestWorld world) {
        fromBeforeEach = world;
    }

    @Test
    @Order(1)
    void injects_theWorldAndItsParts_fromOneWorld(TestWorld world, PromotionEngine engine, ManualClock clock,
            Faults faults, CallLog calls, InMemoryArtifactStore store, InMemoryLedger ledger) {
        assertSame(world.engine(), engine);
        assertSame(world.clock(), clock);
        assertSame(world.faults(), faults);
        assertSame(world.calls(), calls);
        assertSame(world.store(), store);
        assertSame(world.ledger(), ledger);
        assertSame(fromBeforeEach, world);

        firstWorld = world;
        world.register("payments-api", "1.0.0");
        clock.advance(Duration.ofDays(3));
    }

    @Test
    @Order(2)
    void eachTest_getsAFreshWorldAndClock(TestWorld world, ManualClock clock) {
        assertNotNull(firstWorld, "the first test ran before this one");
        assertNotSame(firstWorld, world);
        assertEquals(0, world.ledger().lastSequence());
        assertEquals(TestWorldBuilder.DEFAULT_START, clock.instant());
    }

    @Test
    @Order(3)
    void theDefaultWorld_isTheFourStagePipeline(TestWorld world) {
        assertEquals(java.util.List.of("dev", "test", "staging", "prod"),
                java.util.List.copyOf(world.landscape().environmentNames()));
    }
}
