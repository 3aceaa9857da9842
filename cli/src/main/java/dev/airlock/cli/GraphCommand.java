package dev.airlock.cli;

import dev.airlock.environment.PromotionGraph;
import dev.airlock.promotion.EnvironmentStatus;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code airlock graph}: the promotion graph with what each environment runs, as Mermaid or DOT. */
@Command(name = "graph", description = "Print the promotion graph with each environment's tier, account and current "
        + "artifact, as Mermaid (GitHub renders it) or Graphviz DOT.",
        footerHeading = "%nExample:%n",
        footer = {"  airlock graph",
                "  airlock graph --format dot | dot -Tsvg > pipeline.svg"})
final class GraphCommand extends EngineCommand {
    /** The picture's language. */
    enum Format { mermaid, dot }

    @Mixin
    ClaimedTime time;

    @Override
    @Nullable Instant at() {
        return time.at;
    }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "mermaid",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); -o json gives nodes and edges instead.")
    Format format;

    @Override
    int run(Airlock airlock, PrintWriter out) {
        List<EnvironmentStatus> status = airlock.engine.status();
        PromotionGraph graph = airlock.configuration.landscape().graph();
        List<String[]> edges = new ArrayList<>();
        status.forEach(s -> graph.successors(s.environment().name())
                .forEach(next -> edges.add(new String[] {s.environment().name(), next})));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("entry", graph.entries());
        json.put("environments", status.stream().map(Render::status).toList());
        json.put("promotions", edges.stream().map(e -> Map.of("from", e[0], "to", e[1])).toList());
        report(out, json, format == Format.dot ? dot(status, edges) : mermaid(status, edges));
        return ExitCodes.OK;
    }

    /** Name, tier and account, then what runs there: the lines of a node's label. */
    private static List<String> label(EnvironmentStatus s) {
        return List.of(s.environment().name(), s.environment().tier().configName() + ", " + s.environment().account(),
                s.current() == null ? "nothing yet" : s.current().name() + ":" + s.current().version() + " "
                        + s.current().digest().shortForm());
    }

    static String mermaid(List<EnvironmentStatus> status, List<String[]> edges) {
        StringBuilder out = new StringBuilder("flowchart LR\n");
        status.forEach(s -> out.append("  ").append(id(s.environment().name())).append("[\"")
                .append(String.join("<br/>", label(s))).append("\"]\n"));
        edges.forEach(e -> out.append("  ").append(id(e[0])).append(" --> ").append(id(e[1])).append('\n'));
        return out.toString().stripTrailing();
    }

    static String dot(List<EnvironmentStatus> status, List<String[]> edges) {
        StringBuilder out = new StringBuilder("digraph airlock {\n  rankdir=LR;\n  node [shape=box];\n");
        status.forEach(s -> out.append("  \"").append(s.environment().name()).append("\" [label=\"")
                .append(String.join("\\n", label(s))).append("\"];\n"));
        edges.forEach(e -> out.append("  \"").append(e[0]).append("\" -> \"").append(e[1]).append("\";\n"));
        return out.append('}').toString();
    }

    /** Mermaid node ids: letters, digits and underscores are safe everywhere. */
    private static String id(String environment) {
        return environment.replaceAll("[^A-Za-z0-9_]", "_");
    }
}
