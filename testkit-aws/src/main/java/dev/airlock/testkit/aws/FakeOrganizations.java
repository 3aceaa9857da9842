package dev.airlock.testkit.aws;

import dev.airlock.testkit.aws.internal.Caller;
import dev.airlock.testkit.aws.internal.Calls;
import dev.airlock.testkit.aws.internal.Organization;
import dev.airlock.testkit.aws.internal.Policy;
import dev.airlock.testkit.aws.internal.ServiceErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Reading the world's organization as {@code airlock doctor} does, with the operations of AWS Organizations
 * it needs: {@code ListPoliciesForTarget} (service control policies), {@code DescribePolicy} and
 * {@code ListParents}. The SDK at this build's version has no Organizations client, so this is a plain class,
 * made by {@link AwsWorld#organizations}; calls are recorded and take faults like every fake client's
 * ({@link AwsService#ORGANIZATIONS}), and errors are {@link AwsServiceException}s with Organizations' codes.
 *
 * <p>As in AWS, only the management account may read (a delegation policy for other accounts is not
 * modeled), and its principals' own policies must allow each {@code organizations:} action. AWS's
 * FullAWSAccess ({@code p-FullAWSAccess}) is attached to every target.
 */
public final class FakeOrganizations implements AutoCloseable {
    /** The operations implemented, by AWS's names. */
    public static final Set<String> OPERATIONS = Set.of("ListPoliciesForTarget", "DescribePolicy", "ListParents");
    static final String FULL_ACCESS_ID = "p-FullAWSAccess";
    static final String FULL_ACCESS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
            + "\"Resource\":\"*\"}]}";

    /** A policy attached to a target, as ListPoliciesForTarget answers. */
    public record PolicySummary(String id, String name, boolean awsManaged) {
    }

    /** A parent of an account or unit, as ListParents answers: type {@code ROOT} or {@code ORGANIZATIONAL_UNIT}. */
    public record Parent(String id, String type) {
    }

    private final Calls calls;
    private final Calls.Client client;

    FakeOrganizations(Calls calls, Calls.Client client) {
        this.calls = calls;
        this.client = client;
    }

    /** The service control policies attached directly to an account id, a unit ({@code ou-...}) or the root. */
    public List<PolicySummary> listPoliciesForTarget(String targetId) {
        return run("ListPoliciesForTarget", Map.of("TargetId", targetId, "Filter", "SERVICE_CONTROL_POLICY"), org -> {
            List<PolicySummary> policies = new ArrayList<>();
            policies.add(new PolicySummary(FULL_ACCESS_ID, "FullAWSAccess", true));
            for (Organization.Attached attached : org.attachedTo(target(org, targetId))) {
                policies.add(new PolicySummary(Organization.policyId(attached.name()), attached.name(), false));
            }
            return policies;
        });
    }

    /** The document of a policy. */
    public String describePolicy(String policyId) {
        return run("DescribePolicy", Map.of("PolicyId", policyId), org -> {
            if (FULL_ACCESS_ID.equals(policyId)) {
                return FULL_ACCESS;
            }
            Organization.Attached attached = org.policy(policyId);
            if (attached == null) {
                throw error("PolicyNotFoundException", "We can't find a policy with the PolicyId that you specified.");
            }
            return attached.document();
        });
    }

    /** The parent of an account (its unit, or the root) or of a unit (the root). */
    public List<Parent> listParents(String childId) {
        return run("ListParents", Map.of("ChildId", childId), org -> {
            if (childId.startsWith("ou-") && org.units().stream().anyMatch(u -> org.unitId(u).equals(childId))) {
                return List.of(new Parent(org.rootId(), "ROOT"));
            }
            if (!childId.matches("\\d{12}") || !calls.iam().hasAccount(childId)) {
                throw error("ChildNotFoundException",
                        "We can't find an organizational unit (OU) or AWS account with the ChildId that you specified.");
            }
            String unit = org.unitOf(childId);
            return List.of(unit == null ? new Parent(org.rootId(), "ROOT")
                    : new Parent(org.unitId(unit), "ORGANIZATIONAL_UNIT"));
        });
    }

    private <T> T run(String operation, Map<String, String> fields, Function<Organization, T> action) {
        return calls.run(client, operation, fields, caller -> action.apply(authorized(caller, operation)));
    }

    private Organization authorized(Caller caller, String operation) {
        Organization org = calls.iam().organization();
        if (org == null) {
            throw error("AWSOrganizationsNotInUseException", "Your account is not a member of an organization.");
        }
        String action = "organizations:" + operation;
        if (!caller.account().equals(org.management())
                || calls.iam().identityDecision(caller, action, "*") != Policy.Decision.ALLOW) {
            throw error("AccessDeniedException", "You don't have permissions to access this resource. (" + caller.arn()
                    + " may not perform " + action + ")");
        }
        return org;
    }

    private String target(Organization org, String targetId) {
        if (targetId.equals(org.rootId())) {
            return Organization.ROOT;
        }
        for (String unit : org.units()) {
            if (org.unitId(unit).equals(targetId)) {
                return unit;
            }
        }
        if (targetId.matches("\\d{12}") && calls.iam().hasAccount(targetId)) {
            return targetId;
        }
        throw error("TargetNotFoundException", "We can't find a root, OU, account, or policy with the TargetId "
                + "that you specified.");
    }

    private static AwsServiceException error(String code, String message) {
        return ServiceErrors.of(AwsService.ORGANIZATIONS, 400, code, message);
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "FakeOrganizations[" + client.region() + "]";
    }
}
