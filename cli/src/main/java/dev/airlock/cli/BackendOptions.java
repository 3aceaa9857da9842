package dev.airlock.cli;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options of every command that opens the configured backend: configuration, state and output format. */
class BackendOptions {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = "${env:AIRLOCK_CONFIG:-airlock.yaml}",
            description = "Configuration file (default: $AIRLOCK_CONFIG or ./airlock.yaml).")
    Path config;

    @Option(names = "--state", paramLabel = "DIR", defaultValue = "${env:AIRLOCK_STATE}",
            description = "Directory of the local backend (default: $AIRLOCK_STATE, backend.state of the configuration, "
                    + "or .airlock beside it). Not used with 'backend: {type: aws}'.")
    Path state;

    @Mixin
    OutputOption output;
}
