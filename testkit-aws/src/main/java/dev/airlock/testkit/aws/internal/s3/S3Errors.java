package dev.airlock.testkit.aws.internal.s3;

import dev.airlock.testkit.aws.AwsService;
import dev.airlock.testkit.aws.internal.ServiceErrors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** S3's error answers, with the codes and messages S3 uses. */
final class S3Errors {
    private S3Errors() {
    }

    static AwsServiceException of(int status, String code, String message) {
        return ServiceErrors.of(AwsService.S3, status, code, message);
    }

    static AwsServiceException noSuchBucket() {
        return of(404, "NoSuchBucket", "The specified bucket does not exist");
    }

    static AwsServiceException noSuchKey() {
        return of(404, "NoSuchKey", "The specified key does not exist.");
    }

    static AwsServiceException noSuchVersion() {
        return of(404, "NoSuchVersion", "The specified version does not exist.");
    }

    static AwsServiceException noSuchUpload() {
        return of(404, "NoSuchUpload", "The specified upload does not exist. The upload ID may be invalid, "
                + "or the upload may have been aborted or completed.");
    }

    static AwsServiceException accessDenied() {
        return of(403, "AccessDenied", "Access Denied");
    }

    static AwsServiceException preconditionFailed() {
        return of(412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold");
    }

    static AwsServiceException notModified() {
        return of(304, "NotModified", "Not Modified");
    }

    static AwsServiceException invalidRequest(String message) {
        return of(400, "InvalidRequest", message);
    }

    static AwsServiceException invalidArgument(String message) {
        return of(400, "InvalidArgument", message);
    }

    static AwsServiceException badDigest(String algorithm) {
        return of(400, "BadDigest", "The " + algorithm + " you specified did not match the calculated checksum.");
    }

    static AwsServiceException missingObjectLock() {
        return invalidRequest("Bucket is missing Object Lock Configuration");
    }

    static AwsServiceException lockedByRetention() {
        return of(403, "AccessDenied", "Access Denied because object protected by object lock.");
    }
}
