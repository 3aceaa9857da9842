package dev.airlock.cli;

import dev.airlock.ledger.LedgerEntry;
import java.io.PrintWriter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code airlock verified}: deploy tooling reports the running digest healthy; soak time counts from here. */
@Command(name = "verified", description = "Report that an environment's running artifact is verified healthy (starts soak time).",
        footerHeading = "%nExample:%n", footer = {"  airlock verified --artifact payments-api:1.4.2 --env staging"})
final class VerifiedCommand extends EngineCommand {
    @Mixin
    NoClaimedTime noClaimedTime;

    @ArgGroup(exclusive = false, multiplicity = "1")
    ArtifactSelector artifact;

    @Option(names = "--env", required = true, paramLabel = "ENV", description = "The environment it runs in.")
    String environment;

    @Override
    int run(Airlock airlock, PrintWriter out) {
        LedgerEntry entry = airlock.engine.markVerified(artifact.resolve(airlock.engine), environment,
                airlock.principal(options.principal));
        report(out, Render.entry(entry), entry.digest().shortForm() + " verified in " + environment + " at " + entry.time());
        return ExitCodes.OK;
    }
}
