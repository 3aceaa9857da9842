package dev.airlock.testkit.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.airlock.guardrail.Principal;
import dev.airlock.promotion.PromotionFailedException;
import dev.airlock.spi.AccessDeniedException;
import dev.airlock.testkit.TestWorld;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A world described by the test class, in a field. */
class RegisteredExtensionTest {
    @RegisterExtension
    static final AirlockExtension AIRLOCK = AirlockExtension.with(
            () -> TestWorld.fourStages().startingAt("2026-03-06T16:00:00Z").noTrust("dev"));

    @Test
    void theDescription_shapesTheInjectedWorld(TestWorld world) {
        assertEquals(Instant.parse("2026-03-06T16:00:00Z"), world.clock().instant());
        var digest = world.register("payments-api", "1.0.0");
        PromotionFailedException e = assertThrows(PromotionFailedException.class,
                () -> world.promote(digest, "dev", Principal.of("alice", "developers")));
        assertEquals(AccessDeniedException.class, e.getCause().getClass());
    }
}
