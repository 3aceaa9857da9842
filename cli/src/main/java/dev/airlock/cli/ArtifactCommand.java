package dev.airlock.cli;

import dev.airlock.artifact.Artifact;
import dev.airlock.artifact.Digest;
import dev.airlock.artifact.Provenance;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code airlock artifact NAME:VERSION|DIGEST}: one registered artifact in full. */
@Command(name = "artifact", description = "Show one registered artifact: digest, provenance, where it runs and where it was verified.",
        footerHeading = "%nExample:%n",
        footer = {"  airlock artifact payments-api:1.4.2",
                "  airlock artifact sha256:<64 hex> -o json"})
final class ArtifactCommand extends EngineCommand {
    @Mixin
    ClaimedTime time;

    @Override
    @Nullable Instant at() {
        return time.at;
    }

    @Parameters(index = "0", paramLabel = "NAME:VERSION|DIGEST", description = "The artifact, by name and version or by digest.")
    String which;

    @Override
    int run(Airlock airlock, PrintWriter out) {
        Artifact artifact = airlock.engine.artifact(digest(airlock));
        List<String> runningIn = ArtifactView.runningIn(artifact, airlock.engine.status());
        Map<String, Instant> verified = airlock.engine.verifiedSince(artifact.digest());
        Provenance p = artifact.provenance();
        String text = artifact.name() + ":" + artifact.version()
                + "\n  digest      " + artifact.digest().value()
                + "\n  kind        " + artifact.kind().configName() + " (" + artifact.mediaType() + "), " + Sizes.human(artifact.size())
                + "\n  built from  " + p.sourceRepository() + " at " + p.revision() + ", build " + p.buildId() + " by "
                + p.builder() + " at " + StatusTable.seconds(p.builtAt())
                + "\n  runs in     " + (runningIn.isEmpty() ? "-" : String.join(", ", runningIn))
                + "\n  verified in " + (verified.isEmpty() ? "-" : ArtifactView.environmentsInOrder(airlock, verified.keySet())
                        .stream().map(env -> env + " since " + StatusTable.seconds(verified.get(env)))
                        .collect(Collectors.joining(", ")));
        report(out, ArtifactView.json(artifact, runningIn, verified), text);
        return ExitCodes.OK;
    }

    private Digest digest(Airlock airlock) {
        if (which.startsWith("sha256:")) {
            return Digest.parse(which);
        }
        int colon = which.lastIndexOf(':');
        if (colon <= 0 || colon == which.length() - 1) {
            throw new ErrorHandler.CliFailure(ExitCodes.BAD_INPUT, "NAME:VERSION|DIGEST: '" + which
                    + "' is neither NAME:VERSION (e.g. payments-api:1.4.2) nor a digest (sha256:<64 hex>)");
        }
        return airlock.engine.resolve(which.substring(0, colon), which.substring(colon + 1));
    }
}
