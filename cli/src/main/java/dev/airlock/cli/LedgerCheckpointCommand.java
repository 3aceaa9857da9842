package dev.airlock.cli;

import dev.airlock.ledger.Checkpoint;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code airlock ledger checkpoint}: writes a checkpoint at the ledger's head now, rather than at the
 * next multiple of the interval, so the next cold start reads nothing before it.
 */
@Command(name = "checkpoint", mixinStandardHelpOptions = true,
        description = "Write a checkpoint at the ledger's head now, so cold starts read only what comes after it.",
        footerHeading = "%nExample:%n", footer = {"  airlock ledger checkpoint"})
final class LedgerCheckpointCommand extends EngineCommand {
    @Mixin
    NoClaimedTime noClaimedTime;

    @Override
    int run(Airlock airlock, PrintWriter out) {
        Checkpoint checkpoint = airlock.engine.checkpoint();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sequence", checkpoint.sequence());
        json.put("headHash", checkpoint.headHash());
        json.put("hash", checkpoint.hash());
        json.put("writtenAt", checkpoint.writtenAt().toString());
        report(out, json, "checkpoint at entry " + checkpoint.sequence() + " (head " + checkpoint.headHash()
                + "), written " + checkpoint.writtenAt());
        return ExitCodes.OK;
    }
}
