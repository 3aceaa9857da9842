package dev.airlock.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that works on the engine: opens it from the shared options and reports in text or JSON. */
abstract class EngineCommand implements Callable<Integer> {
    @Mixin
    EngineOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Airlock airlock = Airlock.open(options, at())) {
            try {
                return run(airlock, spec.commandLine().getOut());
            } finally {
                airlock.metrics().ifPresent(registry -> MetricsReport.print(registry, spec.commandLine().getErr()));
            }
        }
    }

    abstract int run(Airlock airlock, PrintWriter out);

    /** The instant a read-only command answers at ({@code --at}); null for the clock's, which writes always take. */
    @Nullable Instant at() {
        return null;
    }

    boolean json() {
        return options.output.json();
    }

    /** Prints {@code value} as JSON, or {@code text} for people. */
    void report(PrintWriter out, Object value, String text) {
        out.println(json() ? Json.write(value) : text);
    }
}
