package dev.airlock.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CheckpointCodecTest {
    @Test
    void fromJson_readsAStateLongerThanJacksonsDefaultStringLimit() {
        // A history of about 150,000 entries writes a state this long; it must not read as tampering.
        String state = "{\"artifacts\":[\"" + "x".repeat(20_000_001) + "\"]}";
        Checkpoint checkpoint = Checkpoint.of(new LedgerHead(200_000, "a".repeat(64)),
                Instant.parse("2026-03-02T09:00:00Z"), state);

        assertEquals(checkpoint, CheckpointCodec.fromJson(CheckpointCodec.toJson(checkpoint), "test"));
    }
}
