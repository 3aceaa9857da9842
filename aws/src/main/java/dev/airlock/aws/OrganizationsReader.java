package dev.airlock.aws;

import java.util.List;

/**
 * What {@code airlock doctor} reads of AWS Organizations: the service control policies attached to an
 * account, organizational unit or root, their content, and the parents of an account or unit. Read-only.
 *
 * <p>{@link AwsClientFactory#organizations} makes one. The standard factory's reader sends signed AWS JSON
 * 1.1 requests itself, since the build has no SDK module for Organizations; tests substitute the in-memory
 * organization of testkit-aws. Organizations answers only the management account and delegated
 * administrators: other callers get {@link OrganizationsException#accessDenied()}.
 */
public interface OrganizationsReader extends AutoCloseable {

    /**
     * A policy attached to a target.
     *
     * @param id         such as {@code p-examplepolicyid111} ({@code p-FullAWSAccess} for AWS's own)
     * @param name       its name, such as {@code airlock-prod}
     * @param awsManaged true for AWS's policies, such as FullAWSAccess
     */
    record PolicySummary(String id, String name, boolean awsManaged) {
    }

    /**
     * The parent of an account or organizational unit.
     *
     * @param id   {@code r-...} for the root, {@code ou-...} for a unit
     * @param type {@code ROOT} or {@code ORGANIZATIONAL_UNIT}
     */
    record Parent(String id, String type) {
        public boolean isRoot() {
            return "ROOT".equals(type);
        }
    }

    /**
     * The service control policies attached directly to {@code targetId} (an account id, {@code ou-...} or
     * {@code r-...}), every page of {@code ListPoliciesForTarget}.
     *
     * @throws OrganizationsException as Organizations refuses, e.g. {@link OrganizationsException#notFound()}
     *                                for a target outside the organization
     */
    List<PolicySummary> serviceControlPolicies(String targetId);

    /**
     * The JSON document of a policy ({@code DescribePolicy}).
     *
     * @throws OrganizationsException as Organizations refuses
     */
    String policyContent(String policyId);

    /**
     * The parents of an account or unit ({@code ListParents}): one, in today's Organizations.
     *
     * @throws OrganizationsException as Organizations refuses
     */
    List<Parent> parents(String childId);

    @Override
    void close();
}
