package dev.airlock.testkit.aws;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One call a fake client made, as AWS CloudTrail would log it: when, which service and operation, in
 * which region, who called (account, principal ARN and the session's source identity, when the
 * credentials could be resolved to one), the request fields that were set, and the outcome.
 *
 * <p>{@code request} maps the SDK member name in PascalCase ({@code Bucket}, {@code RoleSessionName},
 * {@code ImageDigest}) to its value as text; binary payloads appear as {@code <N bytes>}. Secrets never
 * appear: credentials are not request fields.
 *
 * @param time when the call arrived, on the world's clock
 * @param service which service was called
 * @param operation the AWS operation name, such as {@code AssumeRole} or {@code PutObject}
 * @param region the region of the client that called
 * @param account the calling account, or null when the credentials were not recognized
 * @param principalArn the calling principal, such as {@code arn:aws:sts::111111111111:assumed-role/hub/s1}
 * @param sourceIdentity the source identity of the calling session, if any
 * @param request the request fields that were set
 * @param statusCode 200 for success, otherwise the HTTP status of the error (0 when the fake failed with
 *     an exception that is not a service error)
 * @param errorCode null for success, otherwise the AWS error code such as {@code AccessDenied} (or the
 *     exception's class name when the fake failed otherwise)
 */
public record AwsCall(
        Instant time,
        AwsService service,
        String operation,
        String region,
        @Nullable String account,
        @Nullable String principalArn,
        @Nullable String sourceIdentity,
        Map<String, String> request,
        int statusCode,
        @Nullable String errorCode) {

    public AwsCall {
        request = Map.copyOf(request);
    }

    /** Whether the call succeeded. */
    public boolean succeeded() {
        return errorCode == null;
    }

    /** The value of a request field such as {@code ExpectedBucketOwner}, or null when it was not set. */
    public @Nullable String field(String name) {
        return request.get(name);
    }

    @Override
    public String toString() {
        return time + " " + service + " " + operation + " by " + principalArn + " " + request + " -> "
                + (errorCode == null ? "OK" : statusCode + " " + errorCode);
    }
}
