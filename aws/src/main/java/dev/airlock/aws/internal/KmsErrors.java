package dev.airlock.aws.internal;

import dev.airlock.AirlockException;
import dev.airlock.spi.AccessDeniedException;
import dev.airlock.spi.BackendUnavailableException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns KMS failures into Airlock exceptions that name the key and say what to fix. KMS's own messages
 * name the caller and the key, never secrets, so they are kept; nothing here prints key material.
 */
public final class KmsErrors {
    private KmsErrors() {
    }

    /** The Airlock exception for {@code failure} of {@code operation} (such as {@code kms:Sign}) on {@code key}. */
    public static AirlockException translate(String operation, String key, SdkException failure) {
        if (!(failure instanceof AwsServiceException service)) {
            return new BackendUnavailableException(operation + " on KMS key " + key + " failed: "
                    + failure.getClass().getSimpleName() + ": " + failure.getMessage(), failure);
        }
        String code = Failures.errorCode(service);
        String said = code + " (HTTP " + service.statusCode() + ")" + awsMessage(service);
        return switch (code) {
            case "AccessDeniedException", "AccessDenied" -> new AccessDeniedException(operation + " on KMS key " + key
                    + " was refused: " + said + ". The key policy must allow the signing principal (the role the "
                    + "owner is bound to) " + operation + " and kms:GetPublicKey", failure);
            case "DisabledException", "KMSInvalidStateException" -> new AirlockException(operation + " on KMS key "
                    + key + " failed: " + said + ". The key is disabled or pending deletion: enable it "
                    + "(aws kms enable-key --key-id " + key + ") or bind the owner to another key", failure);
            case "NotFoundException" -> new AirlockException(operation + " failed: KMS key " + key + " was not found: "
                    + said + ". Check the key id, ARN or alias, and that the key is in the region and account "
                    + "the credentials act in (an ARN names both)", failure);
            case "InvalidKeyUsageException", "UnsupportedOperationException" -> new AirlockException(operation
                    + " on KMS key " + key + " failed: " + said + ". Attestations need an asymmetric key with "
                    + "KeyUsage SIGN_VERIFY and KeySpec ECC_NIST_P256 or RSA_2048/3072/4096", failure);
            // KMS answers its internal, dependency and key-unavailable errors with 5xx: transient.
            default -> Failures.isTransient(service)
                    ? new BackendUnavailableException(operation + " on KMS key " + key + " failed: " + said, failure)
                    : new AirlockException(operation + " on KMS key " + key + " failed: " + said, failure);
        };
    }

    private static String awsMessage(AwsServiceException service) {
        String message = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorMessage();
        return message == null || message.isBlank() ? "" : ": " + message;
    }
}
