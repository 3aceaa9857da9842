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
 * Turns exceptions into the documented exit codes and one-line messages on stderr, plus, under
 * {@code -o json}, a {@link Failure} document on stdout. Users never see a stack trace for their own
 * mistakes; an internal error prints one only with {@code AIRLOCK_DEBUG=1}.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        Failure failure = failure(e);
        if (e instanceof InvalidConfigurationException) {
            failure.problems().stream().map(Problem::toString).forEach(err::println);
            err.println("airlock: " + failure.message());
        } else if (failure.exitCode() == ExitCodes.INTERNAL_ERROR && !(e instanceof AirlockException)) {
            err.println("airlock: " + failure.message() + " (set AIRLOCK_DEBUG=1 for the stack trace)");
            if ("1".equals(System.getenv("AIRLOCK_DEBUG"))) {
                e.printStackTrace(err);
            }
        } else {
            err.println("airlock: " + failure.message());
        }
        err.flush();
        failure.printJsonIfAsked(commandLine.getOut(), parseResult.originalArgs().toArray(String[]::new));
        return failure.exitCode();
    }

    /** The exit code and message {@code e} stands for. */
    static Failure failure(Exception e) {
        if (e instanceof CliFailure failure) {
            return new Failure(failure.exitCode(), failure.getMessage());
        }
        if (e instanceof InvalidConfigurationException invalid) {
            return new Failure(ExitCodes.BAD_INPUT, invalid.problems().size() + " problem(s) found", invalid.problems());
        }
        if (e instanceof AbortNotPermittedException) {
            return new Failure(ExitCodes.DENIED, e.getMessage());
        }
        if (e instanceof PromotionConflictException || e instanceof ImmutabilityViolationException) {
            return new Failure(ExitCodes.CONFLICT, e.getMessage());
        }
        if (e instanceof InvalidValueException invalid && "signingKey".equals(invalid.field())) {
            // The engine says whose key is missing; only the command line knows how to give one.
            return new Failure(ExitCodes.BAD_INPUT, e.getMessage() + "; give it with --signing-key FILE|kms:KEY "
                    + "($AIRLOCK_SIGNING_KEY), or create local keys with `airlock keys create`");
        }
        if (e instanceof AuthenticationException || e instanceof InvalidValueException
                || e instanceof UnknownEnvironmentException || e instanceof NotFoundException) {
            return new Failure(ExitCodes.BAD_INPUT, e.getMessage());
        }
        if (e instanceof AirlockException) {
            return new Failure(ExitCodes.INTERNAL_ERROR, e.getMessage());
        }
        return new Failure(ExitCodes.INTERNAL_ERROR, "internal error: " + e);
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
