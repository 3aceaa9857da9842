package dev.airlock.aws.internal;

import dev.airlock.AirlockException;
import dev.airlock.environment.AccountId;
import dev.airlock.spi.AccessDeniedException;
import dev.airlock.spi.BackendUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Sorts AWS failures into "may pass if retried" and "will not", and turns them into Airlock
 * exceptions at the module boundary. Messages carry the operation, the account, AWS's error code and
 * message; AWS never puts credentials in error messages, and neither does this class.
 */
public final class Failures {
    private static final Set<String> ACCESS_DENIED = Set.of("AccessDenied", "AccessDeniedException",
            "UnauthorizedOperation", "UnrecognizedClientException", "InvalidClientTokenId", "ExpiredToken",
            "ExpiredTokenException", "SignatureDoesNotMatch", "InvalidAccessKeyId", "AllAccessDisabled",
            "InvalidToken");
    private static final Set<String> TRANSIENT = Set.of("RequestTimeout", "RequestTimeoutException",
            "IDPCommunicationError", "InternalError", "ServiceUnavailable", "SlowDown");

    private Failures() {
    }

    /** Whether retrying the same request, unchanged, may succeed: throttling, 5xx, time-outs and I/O errors. */
    public static boolean isTransient(Throwable failure) {
        if (failure instanceof AirlockException) {
            // Airlock's own failures were already retried, or must not be (a ledger conflict).
            return false;
        }
        if (failure instanceof AwsServiceException service) {
            return service.isThrottlingException() || service.statusCode() >= 500 || service.statusCode() == 429
                    || TRANSIENT.contains(errorCode(service));
        }
        if (failure instanceof UncheckedIOException) {
            // A response body that broke off while being read (hashing a GetObject, downloading a layer).
            return true;
        }
        if (failure instanceof SdkClientException) {
            if (airlockCause(failure) != null) {
                return false;
            }
            return failure instanceof ApiCallAttemptTimeoutException || failure instanceof ApiCallTimeoutException
                    || hasCause(failure, IOException.class);
        }
        return false;
    }

    /** The Airlock exception {@code failure} of {@code operation} in {@code account} stands for. */
    public static AirlockException translate(String operation, AccountId account, Throwable failure, int attempts) {
        AirlockException airlock = airlockCause(failure);
        if (airlock != null) {
            return airlock;
        }
        if (failure instanceof AwsServiceException service) {
            String what = operation + " in account " + account + " failed: " + describe(service);
            if (isTransient(service)) {
                return new BackendUnavailableException(what + afterAttempts(attempts), service);
            }
            if (service.statusCode() == 403 || ACCESS_DENIED.contains(errorCode(service))) {
                return new AccessDeniedException(operation + " was refused in account " + account + ": "
                        + describe(service), service);
            }
            return new AirlockException(what, service);
        }
        if (isTransient(failure)) {
            return new BackendUnavailableException(operation + " in account " + account + " failed: "
                    + failure.getMessage() + afterAttempts(attempts), failure);
        }
        return new AirlockException(operation + " in account " + account + " failed: " + failure.getMessage(), failure);
    }

    /** AWS's error code, or the HTTP status when there is none. */
    public static String errorCode(AwsServiceException service) {
        if (service.awsErrorDetails() != null && service.awsErrorDetails().errorCode() != null) {
            return service.awsErrorDetails().errorCode();
        }
        return "HTTP" + service.statusCode();
    }

    private static String describe(AwsServiceException service) {
        String message = service.awsErrorDetails() != null ? service.awsErrorDetails().errorMessage() : null;
        return errorCode(service) + " (HTTP " + service.statusCode() + ")"
                + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private static String afterAttempts(int attempts) {
        return attempts > 1 ? " (after " + attempts + " attempts)" : "";
    }

    private static @Nullable AirlockException airlockCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AirlockException airlock) {
                return airlock;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
