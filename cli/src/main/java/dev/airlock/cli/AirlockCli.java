package dev.airlock.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code airlock}: the reference embedding of the Airlock API as a command-line tool. Exit codes:
 * 0 success, 1 internal error, 2 bad input or usage, 3 denied by policy, 4 pending, 5 conflict, 6 doctor findings.
 */
@Command(name = "airlock", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Promote one immutable artifact, by digest, through isolated AWS accounts under guardrails.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:internal error", "2:bad input or usage", "3:denied by policy (or not permitted to abort)",
                "4:pending (approvals, soak or window; an approval recorded that does not count)", "5:conflict (lease held or concurrent promotion)",
                "6:doctor: the AWS accounts differ from the generated documents"})
public final class AirlockCli implements Runnable {
    /** Every command, in the order {@code airlock --help} lists them. */
    private static final List<Class<?>> COMMANDS = List.of(ValidateCommand.class, RegisterCommand.class,
            ArtifactsCommand.class, ArtifactCommand.class, PlanCommand.class, PromoteCommand.class, PendingCommand.class,
            ApproveCommand.class, VerifiedCommand.class, StatusCommand.class, GraphCommand.class, HistoryCommand.class,
            RollbackCommand.class, ResumeCommand.class, AbortCommand.class, WithdrawCommand.class,
            ReconcileCommand.class, VerifyLedgerCommand.class,
            LedgerCommand.class, KeysCommand.class, AwsGroupCommand.class, DoctorCommand.class, CompletionCommand.class,
            DemoCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
    }

    /** Builds the command line with every command and Airlock's error handling; tests call this directly. */
    public static CommandLine commandLine() {
        return withCommands(COMMANDS);
    }

    /**
     * The command line for {@code args}: with only the command they name, when they name one. Picocli
     * builds the model of every command it is given, which costs a one-command run about 60 ms.
     */
    static CommandLine commandLineFor(String[] args) {
        if (args.length > 0) {
            for (Class<?> command : COMMANDS) {
                if (command.getAnnotation(Command.class).name().equals(args[0])) {
                    return withCommands(List.of(command));
                }
            }
        }
        return commandLine();
    }

    private static CommandLine withCommands(List<Class<?>> commands) {
        CommandLine commandLine = new CommandLine(new AirlockCli());
        commands.forEach(commandLine::addSubcommand);
        commandLine.addSubcommand(CommandLine.HelpCommand.class);
        commandLine.getSubcommands().values().forEach(AirlockCli::addHelpOption);
        return commandLine
                .setExecutionExceptionHandler(new ErrorHandler())
                .setParameterExceptionHandler(AirlockCli::usageError)
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    /**
     * {@code -h, --help} on {@code command} and below. Added here rather than with picocli's
     * {@code mixinStandardHelpOptions}, whose {@code --version} would clash with {@code register --version},
     * and so that every command added later gets it too.
     */
    private static void addHelpOption(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        if (!spec.optionsMap().containsKey("--help") && !(command.getCommand() instanceof CommandLine.HelpCommand)) {
            spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                    .description("Show this help message and exit.").build());
        }
        command.getSubcommands().values().forEach(AirlockCli::addHelpOption);
    }

    /**
     * Bad usage: the problem, then the usage of the command that was meant, on stderr; under {@code -o json}
     * a failure document on stdout too. Exit code 2.
     */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        cmd.getErr().println("airlock: " + e.getMessage());
        if (!(e instanceof NoClaimedTime.Refused)) {
            CommandLine.UnmatchedArgumentException.printSuggestions(e, cmd.getErr());
            cmd.usage(cmd.getErr());
        }
        cmd.getErr().flush();
        new Failure(ExitCodes.BAD_INPUT, e.getMessage()).printJsonIfAsked(cmd.getOut(), args);
        return ExitCodes.BAD_INPUT;
    }

    public static void main(String[] args) {
        System.exit(commandLineFor(args).execute(args));
    }
}
