package dev.airlock.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.airlock.artifact.Digest;
import dev.airlock.attestation.InMemoryKeys;
import dev.airlock.spi.PromotionListener;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Embedders see a copying promotion's progress through their listener. */
class TransferProgressTest {
    /** Every principal's and builder's signing key, made on first use. */
    private static final InMemoryKeys KEYS = new InMemoryKeys();

    @TempDir
    Path root;

    @Test
    void aCopyingPromotion_reportsItsBytesToListeners_upToTheWholeArtifact() {
        EngineFixture fixture = new EngineFixture(root);
        List<PromotionListener.Progress> seen = new CopyOnWriteArrayList<>();
        PromotionEngine engine = PromotionEngine.builder().keyring(KEYS).signers(KEYS).landscape(fixture.landscape).guardrails(fixture.guardrails)
                .backend(fixture.backend).clock(fixture.clock).listener(new PromotionListener() {
                    @Override
                    public void onEntry(dev.airlock.ledger.LedgerEntry entry) {
                    }

                    @Override
                    public void onTransfer(Progress progress) {
                        seen.add(progress);
                    }
                }).build();
        Digest digest = EngineFixture.register(engine, "1.0.0");

        PromotionResult result = engine.promote(EngineFixture.command(digest, "dev"));

        assertFalse(seen.isEmpty());
        PromotionListener.Progress last = seen.get(seen.size() - 1);
        assertEquals(new PromotionListener.Progress(result.promotionId(), "dev", digest, result.bytesCopied(),
                result.bytesCopied()), last);
    }
}
