package dev.airlock.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.InvalidValueException;
import dev.airlock.aws.internal.TargetPolicy;
import dev.airlock.aws.internal.policy.Generator;
import dev.airlock.aws.policy.AwsPolicies;
import dev.airlock.aws.policy.GeneratedPolicy;
import dev.airlock.aws.policy.PolicyKind;
import dev.airlock.aws.policy.PolicyOptions;
import dev.airlock.aws.policy.PolicyTooLargeException;
import dev.airlock.environment.AccountId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code airlock aws policies} writes, for the landscape the aws tests run on. */
class AwsPoliciesTest {
    static final IdentityMapping IDENTITIES = IdentityMapping.of(List.of(
            new IdentityMapping.Rule(FakeAws.CI_USER, "ci@tooling"),
            new IdentityMapping.Rule("arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_Release_*/*", "{session}")));
    private static final ObjectMapper JSON = new ObjectMapper();

    static AwsPolicies generate(AwsConfiguration configuration, IdentityMapping identities) {
        return AwsPolicies.generate(AwsTarget.landscape(), configuration, identities,
                PolicyOptions.defaults().withOrganizationId("o-a1b2c3d4e5"));
    }

    private final AwsPolicies policies = generate(AwsTarget.commonConfiguration().build(), IDENTITIES);

    @Test
    void generate_writesOneDocumentPerAccountAndPurpose_andAnIndexNamingEach(@TempDir Path out) throws Exception {
        List<Path> written = policies.writeTo(out);

        Set<String> names = policies.documents().stream().map(GeneratedPolicy::fileName).collect(Collectors.toSet());
        assertEquals(policies.documents().size(), names.size(), "file names are unique");
        assertTrue(names.containsAll(List.of("444444444444-prod-scp.json", "444444444444-prod-deploy-role-trust.json",
                "444444444444-prod-deploy-role-permissions.json", "444444444444-prod-artifact-bucket-policy.json",
                "111111111111-tooling-hub-role-trust.json", "111111111111-tooling-hub-role-permissions.json",
                "111111111111-tooling-ledger-writer-permissions.json", "999999999999-security-ledger-bucket-policy.json",
                "111111111111-tooling-origin-repository-policy.json", "222222222222-dev-inspector-role-trust.json")),
                names.toString());
        assertEquals(out.resolve("README.md"), written.get(written.size() - 1));
        String index = Files.readString(out.resolve("README.md"));
        for (GeneratedPolicy document : policies.documents()) {
            assertTrue(index.contains("`" + document.fileName() + "`"), document.fileName());
            assertTrue(JSON.readTree(Files.readString(out.resolve(document.fileName()))).has("Statement"));
        }
    }

    @Test
    void deployTrust_requiresTheMappedSourceIdentities_theHub_theOrganization_andTheExternalId() throws Exception {
        JsonNode trust = json("prod", "deploy-role-trust");

        assertEquals("DenyWithoutSourceIdentity", statement(trust, 0).get("Sid").asText());
        assertEquals("prod:ext/id=7", statement(trust, 1).at("/Condition/StringNotEquals/sts:ExternalId").asText());
        JsonNode allow = statement(trust, 2);
        assertEquals(AwsTarget.HUB.toString(), allow.at("/Condition/ArnLike/aws:PrincipalArn").asText());
        assertEquals("o-a1b2c3d4e5", allow.at("/Condition/StringEquals/aws:PrincipalOrgID").asText());
        // {session} stands for any session name, so the pattern cannot be narrower than "some source identity".
        assertEquals("*", allow.at("/Condition/StringLike/sts:SourceIdentity").asText());
        assertEquals("prod", statement(trust, 3).at("/Condition/StringEquals/aws:RequestTag~1airlock:environment")
                .asText());
    }

    @Test
    void hubTrust_withFixedPrincipalsOnly_listsTheirSourceIdentitiesAndTheInspector() throws Exception {
        AwsPolicies fixed = generate(AwsTarget.commonConfiguration().build(),
                IdentityMapping.of(List.of(new IdentityMapping.Rule(FakeAws.CI_USER, "ci@tooling"))));
        JsonNode allow = statement(JSON.readTree(fixed.document("tooling", "hub-role-trust").orElseThrow().document()), 1);

        assertEquals(List.of("ci@tooling", "airlock-inspector"),
                strings(allow.at("/Condition/StringLike/sts:SourceIdentity")));
        assertEquals(FakeAws.CI_USER, allow.at("/Condition/ArnLike/aws:PrincipalArn").asText());
    }

    @Test
    void deployPermissions_areTheCallsTheStoresMake_onTheConfiguredResources() throws Exception {
        AwsConfiguration configuration = AwsTarget.commonConfiguration().build();
        Setup setup = new Setup(configuration);
        JsonNode expected = JSON.readTree(TargetPolicy.render(setup.targets("prod")));

        assertEquals(expected, json("prod", "deploy-role-permissions"));
    }

    @Test
    void everyDocument_isWithinItsLimit() {
        for (GeneratedPolicy document : policies.documents()) {
            assertTrue(Generator.size(document) <= document.kind().limit(), document.fileName());
            if (document.kind() == PolicyKind.SCP) {
                assertFalse(document.document().strip().contains("\n"), "SCPs are compact: " + document.fileName());
            }
        }
    }

    @Test
    void generate_whenATrustPolicyWouldExceed2048Characters_failsNamingTheDocument() {
        List<IdentityMapping.Rule> rules = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rules.add(new IdentityMapping.Rule("arn:aws:iam::111111111111:user/release-engineer-" + i,
                    "release-engineer-" + i + "@acme.example"));
        }
        PolicyTooLargeException e = assertThrows(PolicyTooLargeException.class,
                () -> generate(AwsTarget.commonConfiguration().build(), IdentityMapping.of(rules)));

        assertEquals("111111111111-tooling-hub-role-trust.json", e.field());
        assertTrue(e.getMessage().contains("over AWS's limit of 2,048 characters for a role trust policy"),
                e.getMessage());
    }

    @Test
    void requireWithinLimit_countsScpWhitespace_butNotIamWhitespace() {
        String padded = "{\"Statement\":[" + " ".repeat(6000) + "]}";
        GeneratedPolicy scp = new GeneratedPolicy(AccountId.of("444444444444"), "prod", "scp", PolicyKind.SCP,
                "444444444444", "-", padded);
        GeneratedPolicy managed = new GeneratedPolicy(AccountId.of("111111111111"), "tooling", "promoter-permissions",
                PolicyKind.MANAGED, "-", "-", padded);

        PolicyTooLargeException e = assertThrows(PolicyTooLargeException.class, () -> Generator.requireWithinLimit(scp));
        assertTrue(e.getMessage().startsWith("444444444444-prod-scp.json: '6,016 characters' is over AWS's limit of "
                + "5,120 characters for a service control policy"), e.getMessage());
        Generator.requireWithinLimit(managed);
        assertEquals(List.of(5_120, 2_048, 6_144, 10_240), List.of(PolicyKind.SCP.limit(), PolicyKind.TRUST.limit(),
                PolicyKind.MANAGED.limit(), PolicyKind.INLINE.limit()));
    }

    @Test
    void generate_whenNoCallerOfTheToolingAccountIsMapped_saysWhatToAdd() {
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> generate(AwsTarget.commonConfiguration().build(), IdentityMapping.of(List.of(
                        new IdentityMapping.Rule("arn:aws:iam::222222222222:user/someone", "someone")))));

        assertEquals("backend.aws.identities", e.field());
        assertTrue(e.getMessage().contains("tooling account 111111111111"), e.getMessage());
    }

    @Test
    void environmentScp_deniesRegionsOutsideTheEnvironmentsAndTheToolingRegion() throws Exception {
        JsonNode scp = json("prod", "scp");
        JsonNode regions = null;
        for (JsonNode statement : scp.get("Statement")) {
            if (statement.get("Sid").asText().equals("DenyOtherRegions")) {
                regions = statement.at("/Condition/StringNotEquals/aws:RequestedRegion");
            }
        }
        assertEquals("eu-central-1", regions.asText());
    }

    private JsonNode json(String owner, String purpose) throws Exception {
        return JSON.readTree(policies.document(owner, purpose).orElseThrow().document());
    }

    private static JsonNode statement(JsonNode policy, int index) {
        return policy.get("Statement").get(index);
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        node.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** The landscape's resources as the generator sees them. */
    private record Setup(AwsConfiguration configuration) {
        SessionPolicy.Targets targets(String environment) {
            return new dev.airlock.aws.internal.policy.Setup(AwsTarget.landscape(), configuration, IDENTITIES, null,
                    "airlock-inspector", java.util.Map.of()).targets(AwsTarget.landscape().require(environment));
        }
    }
}
