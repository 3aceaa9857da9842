package dev.airlock.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code airlock aws}: what only the aws backend has, reached through the backend provider SPI. */
@Command(name = "aws", mixinStandardHelpOptions = true, description = "Set up the AWS accounts Airlock uses.",
        subcommands = {AwsPoliciesCommand.class},
        footerHeading = "%nExample:%n", footer = {"  airlock aws policies --config airlock-aws.yaml --out aws-policies"})
final class AwsGroupCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
    }
}
