package dev.airlock.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.artifact.Digest;
import dev.airlock.attestation.Envelope;
import dev.airlock.guardrail.Principal;
import dev.airlock.ledger.BrokenLink;
import dev.airlock.ledger.ChainReport;
import dev.airlock.ledger.Checkpoint;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.spi.ForwardingLedger;
import dev.airlock.spi.Ledger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints signed by the ledger's key: a cold start takes a checkpoint's state at its word only when
 * the ledger's key signed it, so whoever may write checkpoints (but holds no ledger key) cannot make a
 * fresh process believe a forged state.
 */
class SignedCheckpointsTest {
    private static final String LEDGER_KEY = "airlock-ledger";

    @TempDir
    Path root;

    EngineFixture fixture;
    Digest digest;

    @BeforeEach
    void promoteIntoDevAndCheckpoint() {
        fixture = new EngineFixture(root);
        PromotionEngine engine = engine(fixture.backend.ledger());
        digest = EngineFixture.register(engine, "1.0");
        engine.promote(EngineFixture.command(digest, "dev"));
        assertTrue(engine.checkpoint().signature() != null, "the ledger's key signs checkpoints");
    }

    private PromotionEngine engine(Ledger ledger) {
        return PromotionEngine.builder().landscape(fixture.landscape).guardrails(fixture.guardrails)
                .keyring(fixture.keys).signers(fixture.keys).ledgerKeyOwner(LEDGER_KEY)
                .backend(fixture.backend).ledger(ledger).clock(fixture.clock).build();
    }

    /** Where each read started: 1 means a cold start replayed the whole ledger. */
    private static final class ReadsFrom extends ForwardingLedger {
        final List<Long> starts = new ArrayList<>();

        ReadsFrom(Ledger ledger) {
            super(ledger);
        }

        @Override
        public List<LedgerEntry> read(long fromSequence) {
            starts.add(fromSequence);
            return super.read(fromSequence);
        }
    }

    @Test
    void aCheckpointSignedByTheLedgersKey_startsAColdEngine() {
        ReadsFrom reads = new ReadsFrom(fixture.backend.ledger());

        engine(reads).status();

        assertFalse(reads.starts.contains(1L), "started from the signed checkpoint: " + reads.starts);
    }

    @Test
    void aForgedStateSignedWithAnotherKey_isNotBelieved_andTheAuditNamesIt() {
        Ledger ledger = fixture.backend.ledger();
        engine(ledger).approve(digest, "prod", Principal.of("rob"));
        Checkpoint genuine = engine(ledger).checkpoint(); // at the approval: read its head, then forge its state
        ledger.putCheckpoint(forged(genuine, "mallory"));

        ReadsFrom reads = new ReadsFrom(ledger);
        List<EnvironmentStatus> status = engine(reads).status();

        assertTrue(reads.starts.contains(1L), "the forged checkpoint was not used: " + reads.starts);
        assertEquals(digest, status.get(0).current().digest(), "dev runs what the entries say");
        ChainReport audit = engine(ledger).verifyLedger();
        assertEquals(BrokenLink.Kind.CHECKPOINT_MISMATCH, audit.brokenLink().kind(), audit::summary);
        assertTrue(audit.summary().contains("is not signed by the ledger's key (signed with mallory's key, not "
                + LEDGER_KEY + "'s)"), audit::summary);
    }

    @Test
    void anUnsignedCheckpoint_isNotBelieved() {
        Ledger ledger = fixture.backend.ledger();
        engine(ledger).approve(digest, "prod", Principal.of("rob"));
        LedgerEntry last = ledger.read(ledger.lastSequence()).get(0);
        ledger.putCheckpoint(Checkpoint.of(dev.airlock.ledger.LedgerHead.of(last), fixture.clock.instant(), "{}"));

        ReadsFrom reads = new ReadsFrom(ledger);
        engine(reads).status();

        assertTrue(reads.starts.contains(1L), "the unsigned checkpoint was not used: " + reads.starts);
    }

    /** The genuine checkpoint's head with another state, at the next entry, signed by {@code signer}. */
    private Checkpoint forged(Checkpoint genuine, String signer) {
        Ledger ledger = fixture.backend.ledger();
        engine(ledger).approve(digest, "prod", Principal.of("rae"));
        LedgerEntry last = ledger.read(ledger.lastSequence()).get(0);
        Checkpoint unsigned = Checkpoint.of(dev.airlock.ledger.LedgerHead.of(last), fixture.clock.instant(),
                genuine.state().replace("\"current\":[[\"dev\"", "\"current\":[[\"prod\""));
        return unsigned.signed(Envelope.sign(Checkpoint.PAYLOAD_TYPE, unsigned.signedPayload(),
                fixture.keys.signerFor(signer).orElseThrow()).toJson());
    }
}
