package dev.airlock.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/** {@code airlock keys}: the signing keys attestations are signed with and verified against. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Create, bind and list signing keys.",
        footerHeading = "%nExample:%n", footer = {"  airlock keys create --config airlock.yaml", "  airlock keys list"},
        subcommands = {KeysCreateCommand.class, KeysBindCommand.class, KeysListCommand.class})
final class KeysCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
    }
}
