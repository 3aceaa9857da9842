package dev.airlock.cli;

import dev.airlock.ledger.BrokenLink;
import dev.airlock.ledger.ChainReport;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code airlock verify-ledger}: walk the hash chain; exit 0 when intact, 1 at the first broken link. */
@Command(name = "verify-ledger", description = "Verify the ledger's hash chain; exits 1 and names the first broken link if it was tampered with.")
final class VerifyLedgerCommand extends EngineCommand {
    @Override
    int run(Airlock airlock, PrintWriter out) {
        ChainReport report = airlock.engine.verifyLedger();
        BrokenLink broken = report.brokenLink();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("intact", report.ok());
        json.put("entriesChecked", report.entriesChecked());
        if (broken != null) {
            json.put("brokenAt", broken.sequence());
            json.put("kind", broken.kind().name());
            json.put("message", broken.message());
        }
        report(out, json, report.ok()
                ? "ledger intact: " + report.entriesChecked() + " entries, every link verified"
                : "LEDGER TAMPERED: " + broken.message() + " (checked " + report.entriesChecked() + " entries)");
        return report.ok() ? ExitCodes.OK : ExitCodes.INTERNAL_ERROR;
    }
}
