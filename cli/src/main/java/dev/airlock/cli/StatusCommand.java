package dev.airlock.cli;

import dev.airlock.promotion.EnvironmentStatus;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;

/** {@code airlock status}: the current digest of every environment. */
@Command(name = "status", description = "Show what every environment runs.")
final class StatusCommand extends EngineCommand {
    @Override
    int run(Airlock airlock, PrintWriter out) {
        List<EnvironmentStatus> status = airlock.engine.status();
        report(out, status.stream().map(Render::status).toList(),
                status.stream().map(Render::statusLine).collect(Collectors.joining("\n")));
        return ExitCodes.OK;
    }
}
