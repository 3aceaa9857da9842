package dev.airlock.testkit.aws;

import dev.airlock.InvalidValueException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An error the world answers instead of performing a call, with each service's real status and error
 * code, so retry and failure handling written for AWS reacts the same way:
 *
 * <table>
 *   <caption>What each fault becomes per service</caption>
 *   <tr><th>Fault</th><th>S3</th><th>STS</th><th>ECR</th></tr>
 *   <tr><td>{@link #throttling()}</td><td>503 SlowDown</td><td>400 Throttling</td><td>400 ThrottlingException</td></tr>
 *   <tr><td>{@link #internalError()}</td><td>500 InternalError</td><td>500 InternalFailure</td><td>500 ServerException</td></tr>
 *   <tr><td>{@link #serviceUnavailable()}</td><td>503 ServiceUnavailable</td><td>503 ServiceUnavailable</td><td>503 ServiceUnavailableException</td></tr>
 *   <tr><td>{@link #expiredToken()}</td><td>400 ExpiredToken</td><td>403 ExpiredToken</td><td>400 ExpiredTokenException</td></tr>
 * </table>
 */
public final class AwsFault {
    /** The kinds of fault; {@link #CUSTOM} carries its own status, code and message. */
    public enum Kind {
        /** The service's throttling error. */
        THROTTLING,
        /** The service's internal (500) error. */
        INTERNAL_ERROR,
        /** The service's 503 error. */
        SERVICE_UNAVAILABLE,
        /** The service's answer to expired session credentials. */
        EXPIRED_TOKEN,
        /** An error given explicitly. */
        CUSTOM
    }

    private final Kind kind;
    private final int statusCode;
    private final @Nullable String errorCode;
    private final @Nullable String message;

    private AwsFault(Kind kind, int statusCode, @Nullable String errorCode, @Nullable String message) {
        this.kind = kind;
        this.statusCode = statusCode;
        this.errorCode = errorCode;
        this.message = message;
    }

    /** The service's throttling error (S3 503 SlowDown, STS 400 Throttling, ECR 400 ThrottlingException). */
    public static AwsFault throttling() {
        return new AwsFault(Kind.THROTTLING, 0, null, null);
    }

    /** The service's internal error (S3 500 InternalError, STS 500 InternalFailure, ECR 500 ServerException). */
    public static AwsFault internalError() {
        return new AwsFault(Kind.INTERNAL_ERROR, 0, null, null);
    }

    /** The service's 503 answer. */
    public static AwsFault serviceUnavailable() {
        return new AwsFault(Kind.SERVICE_UNAVAILABLE, 0, null, null);
    }

    /** The service's answer to expired session credentials, as if the caller's session had just expired. */
    public static AwsFault expiredToken() {
        return new AwsFault(Kind.EXPIRED_TOKEN, 0, null, null);
    }

    /** Any error: the service's exception type with this status, error code and message. */
    public static AwsFault error(int statusCode, String errorCode, String message) {
        if (statusCode < 300 || statusCode > 599) {
            throw new InvalidValueException("statusCode", statusCode, "must be an HTTP error status between 300 and 599");
        }
        return new AwsFault(Kind.CUSTOM, statusCode,
                InvalidValueException.requireNonNull("errorCode", errorCode),
                InvalidValueException.requireNonNull("message", message));
    }

    /** Which fault this is. */
    public Kind kind() {
        return kind;
    }

    /** The status code of a {@link Kind#CUSTOM} fault; 0 for the others, whose status depends on the service. */
    public int statusCode() {
        return statusCode;
    }

    /** The error code of a {@link Kind#CUSTOM} fault; null for the others. */
    public @Nullable String errorCode() {
        return errorCode;
    }

    /** The message of a {@link Kind#CUSTOM} fault; null for the others. */
    public @Nullable String message() {
        return message;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof AwsFault that && kind == that.kind && statusCode == that.statusCode
                && Objects.equals(errorCode, that.errorCode) && Objects.equals(message, that.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, statusCode, errorCode, message);
    }

    @Override
    public String toString() {
        return kind == Kind.CUSTOM ? "AwsFault[" + statusCode + " " + errorCode + "]" : "AwsFault[" + kind + "]";
    }
}
