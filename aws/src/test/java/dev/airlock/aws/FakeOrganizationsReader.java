package dev.airlock.aws;

import dev.airlock.testkit.aws.FakeOrganizations;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** The in-memory organization of testkit-aws behind the aws module's {@link OrganizationsReader} port. */
final class FakeOrganizationsReader implements OrganizationsReader {
    private final FakeOrganizations organizations;

    FakeOrganizationsReader(FakeOrganizations organizations) {
        this.organizations = organizations;
    }

    @Override
    public List<PolicySummary> serviceControlPolicies(String targetId) {
        return call(() -> organizations.listPoliciesForTarget(targetId).stream()
                .map(p -> new PolicySummary(p.id(), p.name(), p.awsManaged())).toList());
    }

    @Override
    public String policyContent(String policyId) {
        return call(() -> organizations.describePolicy(policyId));
    }

    @Override
    public List<Parent> parents(String childId) {
        return call(() -> organizations.listParents(childId).stream().map(p -> new Parent(p.id(), p.type())).toList());
    }

    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (AwsServiceException e) {
            throw new OrganizationsException(e.awsErrorDetails().errorCode(), e.statusCode(),
                    e.awsErrorDetails().errorMessage());
        }
    }

    @Override
    public void close() {
        organizations.close();
    }
}
