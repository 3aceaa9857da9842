package dev.airlock.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code airlock ledger}: maintenance of the ledger's storage, below the engine. */
@Command(name = "ledger", mixinStandardHelpOptions = true, description = "Maintain the ledger's storage.",
        subcommands = {LedgerRepairCommand.class, LedgerCheckpointCommand.class},
        footerHeading = "%nExample:%n", footer = {"  airlock ledger repair", "  airlock ledger checkpoint"})
final class LedgerCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
    }
}
