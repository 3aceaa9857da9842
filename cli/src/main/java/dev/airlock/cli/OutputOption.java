package dev.airlock.cli;

import picocli.CommandLine.Option;

/** {@code --output text|json}, shared by every command that reports. */
final class OutputOption {
    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    boolean json() {
        return format == OutputFormat.json;
    }

    /**
     * Whether {@code args} ask for JSON ({@code -o json}, {@code -ojson}, {@code --output=json}, any case).
     * Read from the raw arguments because a failure may come before, or instead of, a parse that binds
     * the option: a usage error still owes a script that asked for JSON a JSON answer.
     */
    static boolean jsonIn(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                return false;
            }
            String value = arg.equals("-o") || arg.equals("--output") ? (i + 1 < args.length ? args[i + 1] : "")
                    : arg.startsWith("--output=") ? arg.substring("--output=".length())
                    : arg.startsWith("-o=") ? arg.substring(3)
                    : arg.startsWith("-o") ? arg.substring(2)
                    : "";
            if (value.equalsIgnoreCase("json")) {
                return true;
            }
        }
        return false;
    }
}
