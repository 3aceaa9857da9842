package dev.airlock.testkit.aws;

/** The AWS services the in-memory world implements. */
public enum AwsService {
    /** Security Token Service: AssumeRole, GetCallerIdentity. */
    STS("Sts", "FakeStsClient"),
    /** Simple Storage Service. */
    S3("S3", "FakeS3Client"),
    /** Elastic Container Registry. */
    ECR("Ecr", "FakeEcrClient"),
    /** Key Management Service: asymmetric signing keys and their key policies. */
    KMS("Kms", "FakeKmsClient"),
    /** Identity and Access Management: reading roles (GetRole, GetRolePolicy). */
    IAM("Iam", "FakeIamClient"),
    /** AWS Organizations: reading service control policies and parents (ListPoliciesForTarget, ...). */
    ORGANIZATIONS("Organizations", "FakeOrganizations");

    private final String serviceName;
    private final String fakeName;

    AwsService(String serviceName, String fakeName) {
        this.serviceName = serviceName;
        this.fakeName = fakeName;
    }

    /** The service name the SDK prints in exception messages, such as {@code S3} or {@code Sts}. */
    public String serviceName() {
        return serviceName;
    }

    /** The name the fake client uses for itself in messages, such as {@code FakeS3Client}. */
    public String fakeName() {
        return fakeName;
    }
}
