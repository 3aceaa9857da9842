package dev.airlock.testkit.aws.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Assertions on AWS errors as code written against real AWS sees them: status code and error code. */
public final class Expect {
    private Expect() {
    }

    /** The call fails with exactly this status and error code. */
    public static AwsServiceException awsError(int status, String code, Executable call) {
        AwsServiceException e = assertThrows(AwsServiceException.class, call);
        assertEquals(status, e.statusCode(), () -> "status of " + e.getMessage());
        assertEquals(code, e.awsErrorDetails().errorCode(), () -> "error code of " + e.getMessage());
        return e;
    }

    /** The call fails with this status and one of these error codes (where moto and AWS name the error differently). */
    public static AwsServiceException awsErrorOneOf(int status, Set<String> codes, Executable call) {
        AwsServiceException e = assertThrows(AwsServiceException.class, call);
        assertEquals(status, e.statusCode(), () -> "status of " + e.getMessage());
        assertTrue(codes.contains(e.awsErrorDetails().errorCode()), () -> "error code of " + e.getMessage());
        return e;
    }
}
