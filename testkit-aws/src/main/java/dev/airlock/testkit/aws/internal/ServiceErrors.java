package dev.airlock.testkit.aws.internal;

import dev.airlock.testkit.aws.AwsFault;
import dev.airlock.testkit.aws.AwsService;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.ecr.model.EcrException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.ecr.model.EmptyUploadException;
import software.amazon.awssdk.services.ecr.model.ImageAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.ImageDigestDoesNotMatchException;
import software.amazon.awssdk.services.ecr.model.ImageNotFoundException;
import software.amazon.awssdk.services.ecr.model.ImageTagAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.InvalidLayerException;
import software.amazon.awssdk.services.ecr.model.InvalidLayerPartException;
import software.amazon.awssdk.services.ecr.model.InvalidParameterException;
import software.amazon.awssdk.services.ecr.model.LayerAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.LayerPartTooSmallException;
import software.amazon.awssdk.services.ecr.model.LayersNotFoundException;
import software.amazon.awssdk.services.ecr.model.LimitExceededException;
import software.amazon.awssdk.services.ecr.model.ReferencedImagesNotFoundException;
import software.amazon.awssdk.services.ecr.model.RepositoryAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotEmptyException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.ecr.model.RepositoryPolicyNotFoundException;
import software.amazon.awssdk.services.ecr.model.ServerException;
import software.amazon.awssdk.services.ecr.model.UploadNotFoundException;
import software.amazon.awssdk.services.kms.model.AlreadyExistsException;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.InvalidKeyUsageException;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.KmsInvalidSignatureException;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sts.model.ExpiredTokenException;
import software.amazon.awssdk.services.sts.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.sts.model.PackedPolicyTooLargeException;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * Builds the exceptions the real SDK would unmarshal from each service's error response: the modeled
 * subclass where the SDK has one for the error code (so {@code catch (NoSuchKeyException e)} works),
 * otherwise the service's base exception, always with status code, error code, message and request id.
 */
public final class ServiceErrors {
    private static final Map<String, Supplier<AwsServiceException.Builder>> S3_MODELED = Map.of(
            "NoSuchKey", NoSuchKeyException::builder,
            "NoSuchBucket", NoSuchBucketException::builder,
            "NoSuchUpload", NoSuchUploadException::builder,
            "BucketAlreadyExists", BucketAlreadyExistsException::builder,
            "BucketAlreadyOwnedByYou", BucketAlreadyOwnedByYouException::builder);

    private static final Map<String, Supplier<AwsServiceException.Builder>> STS_MODELED = Map.of(
            "ExpiredTokenException", ExpiredTokenException::builder,
            "MalformedPolicyDocument", MalformedPolicyDocumentException::builder,
            "PackedPolicyTooLarge", PackedPolicyTooLargeException::builder);

    private static final Map<String, Supplier<AwsServiceException.Builder>> ECR_MODELED = Map.ofEntries(
            Map.entry("EmptyUploadException", EmptyUploadException::builder),
            Map.entry("ImageAlreadyExistsException", ImageAlreadyExistsException::builder),
            Map.entry("ImageDigestDoesNotMatchException", ImageDigestDoesNotMatchException::builder),
            Map.entry("ImageNotFoundException", ImageNotFoundException::builder),
            Map.entry("ImageTagAlreadyExistsException", ImageTagAlreadyExistsException::builder),
            Map.entry("InvalidLayerException", InvalidLayerException::builder),
            Map.entry("InvalidLayerPartException", InvalidLayerPartException::builder),
            Map.entry("InvalidParameterException", InvalidParameterException::builder),
            Map.entry("LayerAlreadyExistsException", LayerAlreadyExistsException::builder),
            Map.entry("LayerPartTooSmallException", LayerPartTooSmallException::builder),
            Map.entry("LayersNotFoundException", LayersNotFoundException::builder),
            Map.entry("LimitExceededException", LimitExceededException::builder),
            Map.entry("ReferencedImagesNotFoundException", ReferencedImagesNotFoundException::builder),
            Map.entry("RepositoryAlreadyExistsException", RepositoryAlreadyExistsException::builder),
            Map.entry("RepositoryNotEmptyException", RepositoryNotEmptyException::builder),
            Map.entry("RepositoryNotFoundException", RepositoryNotFoundException::builder),
            Map.entry("RepositoryPolicyNotFoundException", RepositoryPolicyNotFoundException::builder),
            Map.entry("ServerException", ServerException::builder),
            Map.entry("UploadNotFoundException", UploadNotFoundException::builder));

    private static final Map<String, Supplier<AwsServiceException.Builder>> KMS_MODELED = Map.of(
            "NotFoundException", NotFoundException::builder,
            "DisabledException", DisabledException::builder,
            "InvalidKeyUsageException", InvalidKeyUsageException::builder,
            "KMSInvalidStateException", KmsInvalidStateException::builder,
            "KMSInvalidSignatureException", KmsInvalidSignatureException::builder,
            "MalformedPolicyDocumentException",
            software.amazon.awssdk.services.kms.model.MalformedPolicyDocumentException::builder,
            "UnsupportedOperationException",
            software.amazon.awssdk.services.kms.model.UnsupportedOperationException::builder,
            "AlreadyExistsException", AlreadyExistsException::builder);

    private ServiceErrors() {
    }

    /** The exception {@code service} answers with this status, error code and message. */
    public static AwsServiceException of(AwsService service, int status, String code, String message) {
        Supplier<AwsServiceException.Builder> modeled = switch (service) {
            case S3 -> S3_MODELED.getOrDefault(code, S3Exception::builder);
            case STS -> STS_MODELED.getOrDefault(code, StsException::builder);
            case ECR -> ECR_MODELED.getOrDefault(code, EcrException::builder);
            case KMS -> KMS_MODELED.getOrDefault(code, KmsException::builder);
            case IAM -> code.equals("NoSuchEntity") ? NoSuchEntityException::builder : IamException::builder;
            case ORGANIZATIONS -> AwsServiceException::builder;
        };
        String requestId = Ids.requestId();
        return modeled.get()
                .message(message)
                .statusCode(status)
                .requestId(requestId)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(code)
                        .errorMessage(message)
                        .serviceName(service.serviceName())
                        .sdkHttpResponse(SdkHttpResponse.builder().statusCode(status).build())
                        .build())
                .build();
    }

    /** The exception an injected fault becomes in {@code service}. */
    public static AwsServiceException fault(AwsService service, AwsFault fault) {
        return switch (fault.kind()) {
            case THROTTLING -> switch (service) {
                case S3 -> of(service, 503, "SlowDown", "Please reduce your request rate.");
                case STS -> of(service, 400, "Throttling", "Rate exceeded");
                case ECR, KMS -> of(service, 400, "ThrottlingException", "Rate exceeded");
                case IAM -> of(service, 400, "Throttling", "Rate exceeded");
                case ORGANIZATIONS -> of(service, 400, "TooManyRequestsException", "Rate exceeded");
            };
            case INTERNAL_ERROR -> switch (service) {
                case S3 -> of(service, 500, "InternalError", "We encountered an internal error. Please try again.");
                case STS -> of(service, 500, "InternalFailure",
                        "The request processing has failed because of an unknown error, exception or failure.");
                case ECR -> of(service, 500, "ServerException",
                        "These errors are usually caused by a server-side issue.");
                case KMS -> of(service, 500, "KMSInternalException", "The request cannot be completed due to an "
                        + "internal exception.");
                case IAM -> of(service, 500, "ServiceFailure",
                        "The request processing has failed because of an unknown error, exception or failure.");
                case ORGANIZATIONS -> of(service, 500, "ServiceException",
                        "AWS Organizations can't complete your request because of an internal service error.");
            };
            case SERVICE_UNAVAILABLE -> of(service, 503,
                    service == AwsService.ECR ? "ServiceUnavailableException" : "ServiceUnavailable",
                    "Service is unable to handle request.");
            case EXPIRED_TOKEN -> expiredToken(service);
            case CUSTOM -> of(service, fault.statusCode(), Objects.requireNonNull(fault.errorCode()),
                    Objects.requireNonNull(fault.message()));
        };
    }

    /** The answer to a request signed with session credentials that have expired. */
    public static AwsServiceException expiredToken(AwsService service) {
        return switch (service) {
            case S3 -> of(service, 400, "ExpiredToken", "The provided token has expired.");
            case STS -> of(service, 403, "ExpiredToken", "The security token included in the request is expired");
            case ECR, KMS -> of(service, 400, "ExpiredTokenException",
                    "The security token included in the request is expired");
            case IAM -> of(service, 403, "ExpiredToken", "The security token included in the request is expired");
            case ORGANIZATIONS -> of(service, 400, "ExpiredTokenException",
                    "The security token included in the request is expired");
        };
    }

    /** The answer to an access key id the service does not know. */
    public static AwsServiceException unknownAccessKey(AwsService service) {
        return switch (service) {
            case S3 -> of(service, 403, "InvalidAccessKeyId",
                    "The AWS Access Key Id you provided does not exist in our records.");
            case STS -> of(service, 403, "InvalidClientTokenId", "The security token included in the request is invalid.");
            case ECR, KMS -> of(service, service == AwsService.KMS ? 400 : 403, "UnrecognizedClientException",
                    "The security token included in the request is invalid.");
            case IAM -> of(service, 403, "InvalidClientTokenId", "The security token included in the request is invalid.");
            case ORGANIZATIONS -> of(service, 400, "UnrecognizedClientException",
                    "The security token included in the request is invalid.");
        };
    }

    /** The answer to a session token that does not belong to the access key. */
    public static AwsServiceException invalidToken(AwsService service) {
        return switch (service) {
            case S3 -> of(service, 400, "InvalidToken", "The provided token is malformed or otherwise invalid.");
            case STS -> of(service, 403, "InvalidClientTokenId", "The security token included in the request is invalid.");
            case ECR, KMS -> of(service, service == AwsService.KMS ? 400 : 403, "UnrecognizedClientException",
                    "The security token included in the request is invalid.");
            case IAM -> of(service, 403, "InvalidClientTokenId", "The security token included in the request is invalid.");
            case ORGANIZATIONS -> of(service, 400, "UnrecognizedClientException",
                    "The security token included in the request is invalid.");
        };
    }

    /** The answer to a request signed with the wrong secret key. */
    public static AwsServiceException signatureMismatch(AwsService service) {
        String message = "The request signature we calculated does not match the signature you provided. "
                + "Check your AWS Secret Access Key and signing method.";
        return of(service, service == AwsService.KMS ? 400 : 403,
                service == AwsService.ECR || service == AwsService.KMS ? "InvalidSignatureException"
                        : "SignatureDoesNotMatch",
                message);
    }
}
