package dev.airlock.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.airlock.ledger.BrokenLink;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A broken ledger is refused on every call; each break is told once, however the reads and audits interleave. */
class TamperingToldOnceTest {
    @Test
    void twoBreaksMetInTurn_areEachToldOnce() {
        List<AirlockEvent> told = new CopyOnWriteArrayList<>();
        BrokenLink edited = new BrokenLink(3, 3, BrokenLink.Kind.EDITED, "entry 3 was edited");
        BrokenLink forged = new BrokenLink(6, 6, BrokenLink.Kind.CHECKPOINT_MISMATCH, "checkpoint 6 was forged");
        try (EventDispatcher dispatcher = new EventDispatcher(List.of(told::addAll), 10, Clock.systemUTC(),
                Duration.ofSeconds(10))) {
            dispatcher.onTampering(edited);
            dispatcher.onTampering(forged);
            dispatcher.onTampering(edited);
            dispatcher.onTampering(forged);
        }

        assertEquals(2, told.size(), told.toString());
    }
}
