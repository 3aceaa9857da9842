package dev.airlock.benchmarks;

import dev.airlock.artifact.Digest;
import dev.airlock.config.AirlockConfiguration;
import dev.airlock.ledger.Checkpoint;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.local.LocalBackend;
import dev.airlock.guardrail.Outcome;
import dev.airlock.promotion.PendingPromotion;
import dev.airlock.promotion.PromotionCommand;
import dev.airlock.promotion.PromotionEngine;
import dev.airlock.spi.ForwardingLedger;
import dev.airlock.spi.Ledger;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * One cold command on a {@link LocalHistory} directory, in this fresh JVM, timed phase by phase — what a
 * CLI run does, with the ledger port wrapped so the time spent reading the checkpoint and the tail shows:
 * <pre>
 * ColdStart DIR status|pending|promote [as-is|none] [N]
 * </pre>
 * {@code as-is} is the ledger as shipped (it reads only the newest checkpoint file); {@code none} hides the
 * checkpoints, so the view is replayed from entry 1 (the behaviour before checkpoints). {@code promote} promotes the N-th digest of
 * {@code bench-artifacts.txt} into dev. Prints one tab-separated line; times in milliseconds.
 */
public final class ColdStart {
    private ColdStart() {
    }

    public static void main(String[] args) throws IOException {
        long jvmToMain = ManagementFactory.getRuntimeMXBean().getUptime();
        Path dir = Path.of(args[0]);
        String command = args[1];
        String mode = args.length > 2 ? args[2] : "as-is";
        long start = System.nanoTime();
        AirlockConfiguration configuration = AirlockConfiguration.load(dir.resolve("airlock.yaml"));
        Clock clock = Clock.fixed(Instant.parse(Files.readString(dir.resolve("at.txt")).strip()), ZoneOffset.UTC);
        LocalBackend backend = LocalBackend.open(dir.resolve("state"), configuration.landscape(), Clock.systemUTC());
        Timed ledger = new Timed(mode.equals("none") ? new Checkpointless(backend.ledger()) : backend.ledger());
        PromotionEngine engine = PromotionEngine.builder().signing(configuration.signing(), backend).landscape(configuration.landscape())
                .guardrails(configuration.guardrails()).store(backend.artifactStore())
                .access(backend.environmentAccess()).ledger(ledger).clock(clock).build();
        long opened = System.nanoTime();
        long head = engine.head().sequence(); // the cold start: newest checkpoint, tail, view
        long viewed = System.nanoTime();
        long tailNanos = ledger.readNanos;
        long tailEntries = ledger.entriesRead;
        Object result;
        if (command.equals("status")) {
            result = engine.status().size() + " environments, head " + head;
        } else if (command.equals("pending")) {
            // What `airlock pending` shows: every waiting request and the plan of each, judged as it was asked.
            List<PendingPromotion> pending = engine.pending();
            long allowed = pending.stream().filter(p -> p.plan().decision().outcome() == Outcome.ALLOWED).count();
            result = pending.size() + " waiting, " + allowed + " allowed now, " + (ledger.entriesRead - tailEntries)
                    + " entries read for them";
        } else {
            int n = args.length > 3 ? Integer.parseInt(args[3]) : 1;
            Digest digest = Digest.parse(Files.readAllLines(dir.resolve("bench-artifacts.txt")).get(n - 1));
            result = engine.promote(PromotionCommand.builder(digest, "dev", History.CI).build()).status();
        }
        long done = System.nanoTime();
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        // cold view = reading the checkpoint + reading the tail + the rest (parsing the state into the view).
        System.out.printf("%s\t%s\t%s\tjvm-to-main %d\topen %.0f\tcold-view %.0f = checkpoint %.0f (%d chars of "
                        + "state) + tail %.0f (%d entries) + rest\tcommand %.0f\theap-after-gc %.1f MB\tuptime %d%n",
                command, mode, result, jvmToMain, ms(opened - start), ms(viewed - opened), ms(ledger.checkpointNanos),
                ledger.stateChars, ms(tailNanos), tailEntries, ms(done - viewed), heap / 1e6, uptime);
        java.lang.ref.Reference.reachabilityFence(engine); // the view is what the heap figure is about
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** The ledger port, timed: the checkpoint read and the tail read. */
    private static final class Timed extends ForwardingLedger {
        long checkpointNanos;
        long readNanos;
        long entriesRead;
        long stateChars;

        Timed(Ledger ledger) {
            super(ledger);
        }

        @Override
        public Optional<Checkpoint> latestCheckpoint() {
            long start = System.nanoTime();
            Optional<Checkpoint> newest = super.latestCheckpoint();
            checkpointNanos += System.nanoTime() - start;
            newest.ifPresent(c -> stateChars = c.state().length());
            return newest;
        }

        @Override
        public List<LedgerEntry> read(long fromSequence) {
            long start = System.nanoTime();
            List<LedgerEntry> entries = super.read(fromSequence);
            readNanos += System.nanoTime() - start;
            entriesRead += entries.size();
            return entries;
        }

        @Override
        public long lastSequence() {
            long start = System.nanoTime();
            long last = super.lastSequence();
            readNanos += System.nanoTime() - start;
            return last;
        }
    }
}
