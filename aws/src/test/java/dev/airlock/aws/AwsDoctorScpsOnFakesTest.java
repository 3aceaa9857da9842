package dev.airlock.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.aws.policy.AwsDoctor;
import dev.airlock.aws.policy.PolicyOptions;
import dev.airlock.spi.SetupFinding;
import dev.airlock.testkit.ManualClock;
import dev.airlock.testkit.aws.AwsFault;
import dev.airlock.testkit.aws.AwsService;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * {@code airlock doctor} reading the SCPs of the in-memory organization: attached to the account or to a unit
 * above it, as generated, is right; detached or edited is found with the command that fixes it; an
 * Organizations the reader may not read, or no organization at all, is one finding saying what to grant.
 */
class AwsDoctorScpsOnFakesTest {
    private GeneratedAws aws = new GeneratedAws(ManualClock.at(Instant.now()));

    @AfterEach
    void close() {
        aws.close();
    }

    private List<SetupFinding> check(@Nullable String organizationsRole) {
        return AwsDoctor.of(aws.policies, aws.configuration, aws.aws.landscape, aws.aws.factory, aws.aws.base(),
                PolicyOptions.defaults().inspectorRole()).readingOrganizationsAs(organizationsRole).check();
    }

    private String scp(String owner) {
        return aws.policies.document(owner, "scp").orElseThrow().document();
    }

    @Test
    void doctor_acceptsAnScpAttachedToTheAccountsUnit_andFindsOneDetachedAndOneEdited() {
        // dev's SCP moves from the account to the unit dev is in: it still bounds dev.
        aws.world.organizationalUnit("workloads", AwsTarget.DEV.value());
        aws.world.detachServiceControlPolicy("airlock-dev", AwsTarget.DEV.value());
        aws.world.attachServiceControlPolicy("airlock-dev", scp("dev"), "workloads");
        aws.world.detachServiceControlPolicy("airlock-prod", AwsTarget.PROD.value());
        aws.world.updateServiceControlPolicy("airlock-staging", scp("staging").replace("DenyOtherRegions",
                "DenyOtherRegionsLoosened"));

        List<SetupFinding> findings = check(GeneratedAws.MANAGEMENT_INSPECTOR);

        assertEquals(2, findings.size(), findings.toString());
        SetupFinding edited = findings.get(0);
        assertEquals("333333333333", edited.account());
        assertTrue(edited.resource().matches("airlock-staging \\(p-[a-z0-9]{8}\\)"), edited.resource());
        assertEquals("the service control policy attached to 333333333333 differs from 333333333333-staging-scp.json: "
                + "statement DenyOtherRegions is missing; statement DenyOtherRegionsLoosened is not in the generated "
                + "document", edited.problem());
        assertEquals("aws organizations update-policy --policy-id " + edited.resource().substring(17, 27)
                + " --content file://333333333333-staging-scp.json", edited.fix());
        SetupFinding detached = findings.get(1);
        assertEquals(new SetupFinding("444444444444", "airlock-prod", "no service control policy like "
                + "444444444444-prod-scp.json is attached to the account or to an organizational unit or root above it, "
                + "so the account's own administrators can do what it denies",
                "aws organizations create-policy --type SERVICE_CONTROL_POLICY --name airlock-prod --description "
                        + "'Airlock guardrails for prod' --content file://444444444444-prod-scp.json && aws organizations "
                        + "attach-policy --target-id 444444444444 --policy-id <id>"), detached);
    }

    @Test
    void doctor_readingOrganizationsAsAMemberAccount_findsOnceThatItMayNot_andSaysWhatToGrant() {
        List<SetupFinding> findings = check(null);

        assertEquals(1, findings.size(), findings.toString());
        SetupFinding denied = findings.get(0);
        assertEquals("111111111111", denied.account());
        assertEquals("AWS Organizations", denied.resource());
        assertTrue(denied.problem().startsWith("cannot read the service control policies as "
                + "arn:aws:iam::111111111111:role/airlock-inspector: AccessDeniedException (400): You don't have "
                + "permissions to access this resource."), denied.problem());
        assertTrue(denied.problem().endsWith("the SCPs of every account are unchecked"), denied.problem());
        assertTrue(denied.fix().contains("--organizations-role ARN") && denied.fix().contains(
                "organizations:ListPoliciesForTarget, organizations:ListParents and organizations:DescribePolicy")
                && denied.fix().contains("111111111111-tooling-inspector-role-permissions.json"), denied.fix());
    }

    @Test
    void doctor_withoutAnOrganization_findsThatNoScpBoundsAnyAccount() {
        aws.close();
        aws = new GeneratedAws(ManualClock.at(Instant.now()), false);

        List<SetupFinding> findings = check(GeneratedAws.MANAGEMENT_INSPECTOR);

        assertEquals(1, findings.size(), findings.toString());
        assertEquals(GeneratedAws.MANAGEMENT, findings.get(0).account());
        assertTrue(findings.get(0).problem().startsWith("the account 123456789012 is in no organization "
                + "(AWSOrganizationsNotInUseException (400): Your account is not a member of an organization.)"),
                findings.get(0).problem());
        assertTrue(findings.get(0).fix().startsWith("create the organization in the management account (aws "
                + "organizations create-organization --feature-set ALL)"), findings.get(0).fix());
    }

    @Test
    void doctor_throttledByOrganizations_saysTheScpIsUnchecked_andChecksTheRest() {
        aws.world.faults().failAlways(AwsService.ORGANIZATIONS, "ListPoliciesForTarget", AwsFault.throttling());

        List<SetupFinding> findings = check(GeneratedAws.MANAGEMENT_INSPECTOR);

        assertEquals(5, findings.size(), findings.toString());
        for (SetupFinding finding : findings) {
            assertTrue(finding.problem().startsWith("Organizations refused every attempt to read the service control "
                    + "policies (TooManyRequestsException (400): Rate exceeded)"), finding.problem());
            assertEquals("run airlock doctor again later", finding.fix());
        }
    }

    @Test
    void doctor_thatCannotReachOrganizations_saysTheScpsAreUnchecked_insteadOfFailing() {
        aws.aws.organizations = credentials -> {
            throw SdkClientException.create("Unable to execute HTTP request: Connect timed out");
        };

        List<SetupFinding> healthy = check(GeneratedAws.MANAGEMENT_INSPECTOR);

        assertEquals(1, healthy.size(), healthy.toString());
        assertEquals("AWS Organizations", healthy.get(0).resource());
        assertTrue(healthy.get(0).problem().startsWith("cannot read AWS Organizations as ")
                && healthy.get(0).problem().contains("Connect timed out")
                && healthy.get(0).problem().endsWith("the SCPs of every account are unchecked"), healthy.get(0).problem());
    }

    @Test
    void doctor_withAClientFactoryThatCannotReadOrganizations_saysSo_insteadOfFailing() {
        aws.aws.organizations = credentials -> {
            throw new UnsupportedOperationException("this client factory does not read AWS Organizations");
        };

        List<SetupFinding> findings = check(GeneratedAws.MANAGEMENT_INSPECTOR);

        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).problem().contains("this client factory does not read AWS Organizations"),
                findings.get(0).problem());
    }
}
