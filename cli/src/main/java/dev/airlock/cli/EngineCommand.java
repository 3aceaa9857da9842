package dev.airlock.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
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
    public final Integer call() {
        try (Airlock airlock = Airlock.open(options)) {
            return run(airlock, spec.commandLine().getOut());
        }
    }

    abstract int run(Airlock airlock, PrintWriter out);

    boolean json() {
        return options.output.json();
    }

    /** Prints {@code value} as JSON, or {@code text} for people. */
    void report(PrintWriter out, Object value, String text) {
        out.println(json() ? Json.write(value) : text);
    }
}
