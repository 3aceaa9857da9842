package dev.airlock.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code airlock}: the reference embedding of the Airlock API as a command-line tool. Exit codes:
 * 0 success, 1 internal error, 2 bad input or usage, 3 denied by policy, 4 pending, 5 conflict.
 */
@Command(name = "airlock", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Promote one immutable artifact, by digest, through isolated AWS accounts under guardrails.",
        subcommands = {ValidateCommand.class, RegisterCommand.class, PlanCommand.class, PromoteCommand.class,
                ApproveCommand.class, VerifiedCommand.class, StatusCommand.class, HistoryCommand.class,
                RollbackCommand.class, ResumeCommand.class, AbortCommand.class, VerifyLedgerCommand.class,
                LedgerCommand.class,
                DemoCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:internal error", "2:bad input or usage", "3:denied by policy",
                "4:pending (approvals, soak or window)", "5:conflict (lease held or concurrent promotion)"})
public final class AirlockCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
    }

    /** Builds the command line with Airlock's error handling; tests call this directly. */
    public static CommandLine commandLine() {
        return new CommandLine(new AirlockCli())
                .setExecutionExceptionHandler(new ErrorHandler())
                .setParameterExceptionHandler(AirlockCli::usageError)
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    /** Bad usage: the problem, then the usage of the command that was meant, and exit code 2. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        cmd.getErr().println("airlock: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, cmd.getErr());
        cmd.usage(cmd.getErr());
        return ExitCodes.BAD_INPUT;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
