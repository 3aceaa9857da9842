package dev.airlock.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Mixed into every command that writes: {@code --at} there is a usage error that says why, instead of
 * picocli's "unknown option", because people and scripts used to pass it to writes.
 */
final class NoClaimedTime {
    static final String WHY = "--at is for read-only questions such as plan and status; writes take the clock's time";

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--at", paramLabel = "INSTANT", hidden = true)
    void refuse(String instant) {
        throw new Refused(mixee.commandLine());
    }

    /** The refusal: one line, no usage (the usage would not say anything more useful). */
    static final class Refused extends CommandLine.ParameterException {
        private static final long serialVersionUID = 1L;

        Refused(CommandLine commandLine) {
            super(commandLine, WHY);
        }
    }
}
