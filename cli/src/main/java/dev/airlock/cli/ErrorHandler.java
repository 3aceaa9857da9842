package dev.airlock.cli;

import dev.airlock.AirlockException;
import dev.airlock.InvalidValueException;
import dev.airlock.config.InvalidConfigurationException;
import dev.airlock.config.Problem;
import dev.airlock.environment.UnknownEnvironmentException;
import dev.airlock.promotion.AbortNotPermittedException;
import dev.airlock.promotion.ImmutabilityViolationException;
import dev.airlock.promotion.NotFoundException;
import dev.airlock.promotion.PromotionConflictException;
import dev.airlock.spi.AuthenticationException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Turns exceptions into the documented exit codes and one-line messages. Users never see a stack
 * trace for their own mistakes; an internal error prints one only with {@code AIRLOCK_DEBUG=1}.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof CliFailure failure) {
            err.println("airlock: " + failure.getMessage());
            return failure.exitCode();
        }
        if (e instanceof InvalidConfigurationException invalid) {
            invalid.problems().stream().map(Problem::toString).forEach(err::println);
            err.println("airlock: " + invalid.problems().size() + " problem(s) found");
            return ExitCodes.BAD_INPUT;
        }
        if (e instanceof AbortNotPermittedException) {
            err.println("airlock: " + e.getMessage());
            return ExitCodes.DENIED;
        }
        if (e instanceof AuthenticationException) {
            err.println("airlock: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (e instanceof PromotionConflictException || e instanceof ImmutabilityViolationException) {
            err.println("airlock: " + e.getMessage());
            return ExitCodes.CONFLICT;
        }
        if (e instanceof InvalidValueException || e instanceof UnknownEnvironmentException
                || e instanceof NotFoundException) {
            err.println("airlock: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (e instanceof AirlockException) {
            err.println("airlock: " + e.getMessage());
            return ExitCodes.INTERNAL_ERROR;
        }
        err.println("airlock: internal error: " + e + " (set AIRLOCK_DEBUG=1 for the stack trace)");
        if ("1".equals(System.getenv("AIRLOCK_DEBUG"))) {
            e.printStackTrace(err);
        }
        return ExitCodes.INTERNAL_ERROR;
    }

    /** A failure a command reports deliberately, with the exit code to use. */
    static final class CliFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int exitCode;

        CliFailure(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }

        int exitCode() {
            return exitCode;
        }
    }
}
