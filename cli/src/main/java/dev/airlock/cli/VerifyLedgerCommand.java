package dev.airlock.cli;

import dev.airlock.InvalidValueException;
import dev.airlock.ledger.BrokenLink;
import dev.airlock.ledger.ChainReport;
import dev.airlock.ledger.LedgerHead;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code airlock verify-ledger}: walk the hash chain from the first entry and check every checkpoint on
 * the way (or only the tail after the newest checkpoint), optionally against a head pinned elsewhere;
 * exit 0 when intact, 1 at the first broken link.
 */
@Command(name = "verify-ledger", description = "Verify the ledger's hash chain and its checkpoints; exits 1 and "
        + "names the first broken link if it was tampered with. Prints the head to pin somewhere else.",
        footerHeading = "%nExample:%n",
        footer = {"  airlock verify-ledger --expected-head 42:<hash printed by status>"})
final class VerifyLedgerCommand extends EngineCommand {
    @Mixin
    ClaimedTime time;

    @Override
    @Nullable Instant at() {
        return time.at;
    }

    @Option(names = "--expected-head", paramLabel = "SEQ:HASH", converter = HeadConverter.class,
            description = "A head pinned somewhere the ledger's writers cannot change (as printed by status or "
                    + "verify-ledger): entries cut from the end or rewritten since are reported.")
    LedgerHead expectedHead;

    @Option(names = "--from-checkpoint", description = "Verify only the newest checkpoint and the entries after "
            + "it: the cost does not grow with the history, but edits before the checkpoint are not seen.")
    boolean fromCheckpoint;

    @Override
    int run(Airlock airlock, PrintWriter out) {
        if (fromCheckpoint && expectedHead != null) {
            throw new ErrorHandler.CliFailure(ExitCodes.BAD_INPUT, "--expected-head needs the whole ledger: a head "
                    + "before the newest checkpoint cannot be checked from the tail; leave out --from-checkpoint");
        }
        boolean checkpointed = airlock.ledger().latestCheckpoint().isPresent();
        ChainReport report = fromCheckpoint ? airlock.engine.verifyLedgerTail()
                : expectedHead != null ? airlock.engine.verifyLedger(expectedHead) : airlock.engine.verifyLedger();
        BrokenLink broken = report.brokenLink();
        Optional<String> risk = airlock.ledger().truncationRisk();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("intact", report.ok());
        json.put("entriesChecked", report.entriesChecked());
        json.put("scope", fromCheckpoint ? "from the newest checkpoint" : "from the first entry");
        StringBuilder text = new StringBuilder();
        if (broken == null) {
            LedgerHead head = airlock.engine.head();
            json.put("head", Render.head(head));
            text.append("ledger intact: ").append(report.entriesChecked()).append(" entries ")
                    .append(!fromCheckpoint ? "and every checkpoint" : checkpointed ? "after the newest checkpoint"
                            : "from the first (there is no checkpoint yet)")
                    .append(" verified\nhead: ").append(Render.headText(head));
        } else {
            json.put("brokenAt", broken.sequence());
            json.put("kind", broken.kind().name());
            json.put("message", broken.message());
            text.append("LEDGER TAMPERED: ").append(broken.message()).append(" (checked ")
                    .append(report.entriesChecked()).append(" entries)");
        }
        json.put("truncationRisk", risk.orElse(null));
        risk.ifPresent(r -> text.append("\nnote: truncation cannot be ruled out: ").append(r));
        report(out, json, text.toString());
        return report.ok() ? ExitCodes.OK : ExitCodes.INTERNAL_ERROR;
    }

    /** {@code SEQ:HASH}, as {@code status} and {@code verify-ledger} print a head. */
    static final class HeadConverter implements ITypeConverter<LedgerHead> {
        @Override
        public LedgerHead convert(String value) {
            int colon = value.indexOf(':');
            try {
                if (colon > 0) {
                    return new LedgerHead(Long.parseLong(value.substring(0, colon)), value.substring(colon + 1));
                }
            } catch (NumberFormatException | InvalidValueException e) {
                // reported below
            }
            throw new TypeConversionException("'" + value + "' is not a ledger head: write SEQ:HASH, the entry's "
                    + "sequence number and its 64-hex-digit hash, as status and verify-ledger print them");
        }
    }
}
