package dev.airlock.cli;

import dev.airlock.artifact.Artifact;
import dev.airlock.promotion.EnvironmentStatus;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code airlock artifacts}: every registered artifact, where it runs now and where it was verified. */
@Command(name = "artifacts", description = "List the registered artifacts: digest, size, provenance, where each runs now.",
        footerHeading = "%nExample:%n",
        footer = {"  airlock artifacts",
                "  airlock artifacts --name payments-api -o json"})
final class ArtifactsCommand extends EngineCommand {
    @Mixin
    ClaimedTime time;

    @Override
    @Nullable Instant at() {
        return time.at;
    }

    @Option(names = "--name", paramLabel = "NAME", description = "Only artifacts with this name.")
    @Nullable String name;

    @Override
    int run(Airlock airlock, PrintWriter out) {
        List<EnvironmentStatus> status = airlock.engine.status();
        List<Map<String, Object>> json = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("ARTIFACT", "DIGEST", "SIZE", "BUILT FROM", "RUNS IN"));
        for (Artifact artifact : airlock.engine.artifacts()) {
            if (name != null && !name.equals(artifact.name())) {
                continue;
            }
            List<String> runningIn = ArtifactView.runningIn(artifact, status);
            json.add(ArtifactView.json(artifact, runningIn, airlock.engine.verifiedSince(artifact.digest())));
            rows.add(List.of(artifact.name() + ":" + artifact.version(), artifact.digest().shortForm(),
                    Sizes.human(artifact.size()), artifact.provenance().sourceRepository() + "@"
                            + artifact.provenance().revision(), runningIn.isEmpty() ? "-" : String.join(", ", runningIn)));
        }
        report(out, json, rows.size() == 1 ? "no artifacts registered" + (name == null ? "" : " named " + name)
                : Columns.format(rows));
        return ExitCodes.OK;
    }
}
