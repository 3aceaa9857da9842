package dev.airlock.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.artifact.Digest;
import dev.airlock.ledger.Checkpoint;
import dev.airlock.spi.ForwardingLedger;
import dev.airlock.spi.Ledger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine writes checkpoints as it appends; failing to write one never fails what it follows. */
class CheckpointWritingTest {
    @TempDir
    Path root;

    private PromotionEngine engine(EngineFixture fixture, int interval, Ledger ledger) {
        return PromotionEngine.builder().landscape(fixture.landscape).guardrails(fixture.guardrails)
                .keyring(fixture.keys).signers(fixture.keys)
                .store(fixture.backend.artifactStore()).access(fixture.backend.environmentAccess()).ledger(ledger)
                .clock(fixture.clock).checkpointInterval(interval).build();
    }

    @Test
    void everyIntervalEntries_aCheckpointIsWrittenAtTheEntry() {
        EngineFixture fixture = new EngineFixture(root);
        PromotionEngine engine = engine(fixture, 3, fixture.backend.ledger());

        Digest digest = EngineFixture.register(engine, "1.0");
        engine.promote(EngineFixture.command(digest, "dev"));

        long last = fixture.backend.ledger().lastSequence();
        List<Long> taken = fixture.backend.ledger().checkpoints(0).stream().map(Checkpoint::sequence).toList();
        assertEquals(LongStream.rangeClosed(1, last).filter(s -> s % 3 == 0).boxed().toList(), taken);
        assertTrue(fixture.restart().verifyLedger().ok());
    }

    @Test
    void aCheckpointThatCannotBeWritten_leavesTheAppendDone_andTheNextOneIsWritten() {
        EngineFixture fixture = new EngineFixture(root);
        AtomicInteger refusals = new AtomicInteger();
        Ledger flaky = new Failing(fixture.backend.ledger(), refusals);
        PromotionEngine engine = engine(fixture, 2, flaky);

        Digest digest = EngineFixture.register(engine, "1.0");
        engine.promote(EngineFixture.command(digest, "dev"));

        assertTrue(refusals.get() >= 2, "the first checkpoint failed, a later one was tried");
        assertTrue(fixture.backend.ledger().checkpoints(0).size() >= 1, "a later checkpoint was written");
        assertEquals(digest, fixture.restart().status().get(0).current().digest());
    }

    @Test
    void aCrashWhileWritingACheckpoint_leavesATemporaryFileThatReadersIgnore() throws IOException {
        EngineFixture fixture = new EngineFixture(root);
        PromotionEngine engine = fixture.engine();
        EngineFixture.register(engine, "1.0");
        Path directory = Files.createDirectories(fixture.backend.ledger().file()
                .resolveSibling("ledger.jsonl.checkpoints"));
        Files.writeString(directory.resolve("checkpoint-123.tmp"), "{\"version\":1,\"seq");

        Checkpoint written = engine.checkpoint();

        assertEquals(List.of(written), fixture.backend.ledger().checkpoints(0));
        assertTrue(fixture.restart().verifyLedger().ok());
    }

    /** A ledger whose first checkpoint write fails, as a full disk or a denied PutObject would. */
    private static final class Failing extends ForwardingLedger {
        private final AtomicInteger refusals;

        Failing(Ledger ledger, AtomicInteger refusals) {
            super(ledger);
            this.refusals = refusals;
        }

        @Override
        public boolean putCheckpoint(Checkpoint checkpoint) {
            if (refusals.getAndIncrement() == 0) {
                throw new IllegalStateException("disk full");
            }
            return super.putCheckpoint(checkpoint);
        }
    }
}
