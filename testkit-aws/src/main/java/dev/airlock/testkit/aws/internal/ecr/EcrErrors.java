package dev.airlock.testkit.aws.internal.ecr;

import dev.airlock.testkit.aws.AwsService;
import dev.airlock.testkit.aws.internal.ServiceErrors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** ECR's error answers: the modeled exception named by each error code, status 400 unless said otherwise. */
final class EcrErrors {
    private EcrErrors() {
    }

    static AwsServiceException of(String code, String message) {
        return ServiceErrors.of(AwsService.ECR, 400, code, message);
    }

    static AwsServiceException invalidParameter(String message) {
        return of("InvalidParameterException", message);
    }

    static AwsServiceException repositoryNotFound(String name, String registryId) {
        return of("RepositoryNotFoundException", "The repository with name '" + name
                + "' does not exist in the registry with id '" + registryId + "'");
    }

    static AwsServiceException accessDenied(String callerArn, String action, String resourceArn, String reason) {
        return of("AccessDeniedException", "User: " + callerArn + " is not authorized to perform: " + action
                + " on resource: " + resourceArn + " " + reason);
    }
}
