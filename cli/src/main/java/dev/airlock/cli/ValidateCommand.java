package dev.airlock.cli;

import dev.airlock.config.AirlockConfiguration;
import dev.airlock.environment.Environment;
import dev.airlock.environment.Landscape;
import dev.airlock.environment.PromotionGraph;
import dev.airlock.environment.Region;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code airlock validate FILE}: checks a configuration and summarizes it. */
@Command(name = "validate", description = "Check a configuration file and print a summary of it.",
        footerHeading = "%nExample:%n", footer = {"  airlock validate airlock.yaml"})
final class ValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The configuration file (YAML or JSON).")
    Path file;

    @Mixin
    OutputOption output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        AirlockConfiguration configuration = Airlock.configuration("FILE", file);
        Map<String, String> backend = configuration.backend().describe(configuration.landscape());
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            Map<String, Object> summary = summary(configuration);
            summary.put("backend", backend);
            out.println(Json.write(summary));
        } else {
            printText(out, configuration);
            out.println();
            out.println("Backend");
            backend.forEach((key, value) -> out.printf("  %-16s %s%n", key, value));
        }
        return ExitCodes.OK;
    }

    private void printText(PrintWriter out, AirlockConfiguration configuration) {
        Landscape landscape = configuration.landscape();
        out.println(file + " is valid.");
        out.println();
        out.println("Accounts");
        out.printf("  tooling      %s%n", landscape.accounts().tooling());
        out.printf("  security     %s%n", landscape.accounts().security());
        landscape.accounts().logArchiveAccount().ifPresent(a -> out.printf("  log archive  %s%n", a));
        out.println();
        out.println("Environments (" + landscape.environments().size() + ")");
        for (Environment env : landscape.environments()) {
            out.printf("  %-10s %-12s %s  %-28s %s%n", env.name(), env.tier().configName(), env.account(),
                    String.join(",", env.regions().stream().map(Region::value).toList()), env.deployRole());
        }
        out.println();
        PromotionGraph graph = landscape.graph();
        out.println("Pipeline (entry: " + String.join(", ", graph.entries()) + ")");
        for (Environment env : landscape.environments()) {
            if (!graph.successors(env.name()).isEmpty()) {
                out.printf("  %s -> %s%n", env.name(), String.join(", ", graph.successors(env.name())));
            }
        }
    }

    private static Map<String, Object> summary(AirlockConfiguration configuration) {
        Landscape landscape = configuration.landscape();
        Map<String, Object> accounts = new LinkedHashMap<>();
        accounts.put("tooling", landscape.accounts().tooling().value());
        accounts.put("security", landscape.accounts().security().value());
        landscape.accounts().logArchiveAccount().ifPresent(a -> accounts.put("logArchive", a.value()));
        List<Map<String, Object>> environments = landscape.environments().stream().map(env -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", env.name());
            e.put("tier", env.tier().configName());
            e.put("account", env.account().value());
            e.put("regions", env.regions().stream().map(Region::value).toList());
            e.put("deployRole", env.deployRole().toString());
            e.put("next", List.copyOf(landscape.graph().successors(env.name())));
            return e;
        }).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("valid", true);
        out.put("accounts", accounts);
        out.put("entry", landscape.graph().entries());
        out.put("environments", environments);
        return out;
    }
}
