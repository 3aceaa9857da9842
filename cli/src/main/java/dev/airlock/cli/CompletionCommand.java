package dev.airlock.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code airlock completion}: a bash completion script, generated from the command model so it never falls
 * behind the commands and options. zsh loads it through {@code bashcompinit}, which the script turns on.
 */
@Command(name = "completion", description = "Print a bash/zsh completion script for airlock's commands and options.",
        footerHeading = "%nExample:%n", footer = {"  airlock completion > /etc/bash_completion.d/airlock",
                "  source <(airlock completion)    # in ~/.bashrc or ~/.zshrc"})
final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // The whole model: the command line this runs in holds only the command its arguments name.
        spec.commandLine().getOut().print(AutoComplete.bash("airlock", AirlockCli.commandLine()));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
