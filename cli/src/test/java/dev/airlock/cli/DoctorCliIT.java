package dev.airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.aws.AwsClientFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * {@code ./airlock doctor} against moto accounts set up from what {@code ./airlock aws policies} wrote for the
 * shipped aws sample, SCPs included: nothing found on that setup, then each deliberate break found, with exit
 * code 6 and the fix. moto's organization holds only the accounts it creates, with ids of its choosing, so the
 * sample's account ids are replaced by those before anything is generated.
 */
class DoctorCliIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MANAGEMENT = "555555555555";
    private static final Map<String, String> SAMPLE = Map.of("tooling", "111111111111", "security", "999999999999",
            "dev", "222222222222", "staging", "333333333333", "prod", "444444444444");
    private static final Map<String, String> BUCKETS = Map.of("tooling", "acme-airlock-origin",
            "security", "acme-airlock-ledger", "dev", "acme-airlock-dev", "staging", "acme-airlock-staging",
            "prod", "acme-airlock-prod");

    @TempDir
    Path dir;

    private MotoAccounts accounts;
    private AwsClientFactory clients;
    private AwsCommand management;
    private final Map<String, String> ids = new LinkedHashMap<>();
    private final Map<String, String> scpIds = new HashMap<>();
    private String devUnit;
    private Path config;
    private Path policies;

    @BeforeEach
    void setUp() throws IOException {
        accounts = new MotoAccounts();
        clients = AwsClientFactory.builder().emulator(accounts.endpoint()).build();
        management = new AwsCommand(accounts.endpoint(), setup(MANAGEMENT));
        management.json("organizations", "create-organization", "--feature-set", "ALL");
        String sample = Files.readString(AirlockScript.ROOT.resolve("examples/config/airlock-aws.yaml"))
                .replace("http://127.0.0.1:5000", accounts.endpoint().toString());
        for (String owner : List.of("tooling", "security", "dev", "staging", "prod")) {
            ids.put(owner, management.json("organizations", "create-account", "--email", owner + "@example.com",
                    "--account-name", owner).at("/CreateAccountStatus/AccountId").asText());
            sample = sample.replace(SAMPLE.get(owner), ids.get(owner));
        }
        config = Files.writeString(dir.resolve("airlock.yaml"), sample);
        policies = dir.resolve("policies");
        assertEquals(0, airlock("aws", "policies", "--out", policies.toString()).exitCode());
        for (Map.Entry<String, String> bucket : BUCKETS.entrySet()) {
            try (S3Client s3 = s3(ids.get(bucket.getKey()))) {
                s3.createBucket(r -> r.bucket(bucket.getValue()).objectLockEnabledForBucket(
                        bucket.getKey().equals("security")).createBucketConfiguration(
                                c -> c.locationConstraint(BucketLocationConstraint.EU_CENTRAL_1)));
            }
        }
        try (var files = Files.list(policies)) {
            // Roles before their inline policies.
            for (Path file : files.sorted(java.util.Comparator.comparing((Path f) -> !f.toString().endsWith("-trust.json"))
                    .thenComparing(Path::toString)).toList()) {
                apply(file);
            }
        }
        // The management account reads Organizations through an inspector role made like tooling's.
        for (String purpose : List.of("trust", "permissions")) {
            apply(MANAGEMENT, "inspector-role-" + purpose, Files.readString(policies.resolve(ids.get("tooling")
                    + "-tooling-inspector-role-" + purpose + ".json")));
        }
    }

    /** Puts one document in place as its file name says (managed policies are not read by the doctor). */
    private void apply(Path file) throws IOException {
        String[] name = file.getFileName().toString().replace(".json", "").split("-", 3);
        if (name.length == 3) {
            apply(name[0], name[1] + "-" + name[2], Files.readString(file));
        }
    }

    private void apply(String account, String ownerAndPurpose, String document) throws IOException {
        String owner = ownerAndPurpose.substring(0, ownerAndPurpose.indexOf('-'));
        String purpose = ownerAndPurpose.substring(owner.length() + 1);
        if (purpose.endsWith("-role-trust") || purpose.endsWith("-role-permissions")) {
            String role = "airlock-" + purpose.substring(0, purpose.indexOf("-role-"));
            try (IamClient iam = iam(account)) {
                if (purpose.endsWith("-trust")) {
                    iam.createRole(r -> r.roleName(role).assumeRolePolicyDocument(document));
                } else {
                    iam.putRolePolicy(r -> r.roleName(role).policyName("airlock").policyDocument(document));
                }
            }
        } else if (purpose.endsWith("bucket-policy")) {
            try (S3Client s3 = s3(account)) {
                s3.putBucketPolicy(r -> r.bucket(BUCKETS.get(owner)).policy(document));
            }
        } else if (purpose.equals("scp")) {
            Path file = Files.writeString(dir.resolve(account + "-scp.json"), document);
            String id = management.json("organizations", "create-policy", "--type", "SERVICE_CONTROL_POLICY", "--name",
                    "airlock-" + owner, "--description", "Airlock guardrails for " + owner, "--content", "file://" + file)
                    .at("/Policy/PolicySummary/Id").asText();
            scpIds.put(owner, id);
            management.run("organizations", "attach-policy", "--policy-id", id, "--target-id", target(owner));
        }
    }

    /** dev's SCP goes on a unit holding dev alone, so the doctor reads it above the account; the rest on accounts. */
    private String target(String owner) {
        if (!owner.equals("dev")) {
            return ids.get(owner);
        }
        String root = management.json("organizations", "list-roots").at("/Roots/0/Id").asText();
        devUnit = management.json("organizations", "create-organizational-unit", "--parent-id", root, "--name",
                "dev").at("/OrganizationalUnit/Id").asText();
        management.run("organizations", "move-account", "--account-id", ids.get("dev"), "--source-parent-id", root,
                "--destination-parent-id", devUnit);
        return devUnit;
    }

    @Test
    void doctor_onTheGeneratedSetup_findsNothing_andFindsEachBreak() throws IOException {
        AirlockScript.Result healthy = airlock("doctor", "-o", "json");
        assertEquals(0, healthy.exitCode(), healthy.all());
        assertEquals(0, JSON.readTree(healthy.out()).get("findings").size(), healthy.out());

        String prod = ids.get("prod");
        try (S3Client s3 = s3(prod)) {
            s3.deleteBucketPolicy(r -> r.bucket("acme-airlock-prod"));
        }
        try (IamClient iam = iam(prod)) {
            iam.updateAssumeRolePolicy(r -> r.roleName("airlock-deploy").policyDocument("{\"Version\":\"2012-10-17\","
                    + "\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + prod + ":root\"},"
                    + "\"Action\":\"sts:AssumeRole\"}]}"));
        }
        management.run("organizations", "detach-policy", "--policy-id", scpIds.get("prod"), "--target-id", prod);
        Path loosened = Files.writeString(dir.resolve("loosened.json"), Files.readString(policies.resolve(ids.get("dev")
                + "-dev-scp.json")).replace("DenyLeavingOrganization", "DenyLeavingOrganizationLoosened"));
        management.run("organizations", "update-policy", "--policy-id", scpIds.get("dev"), "--content",
                "file://" + loosened);
        AirlockScript.Result broken = airlock("doctor", "-o", "json");

        assertEquals(6, broken.exitCode(), broken.all());
        List<String> found = new ArrayList<>();
        for (JsonNode finding : JSON.readTree(broken.out()).get("findings")) {
            String account = finding.get("account").asText();
            assertTrue(finding.get("fix").asText().contains(account + "-" + (account.equals(prod) ? "prod" : "dev")
                    + "-"), broken.out());
            found.add(account + " " + finding.get("resource").asText() + ": " + finding.get("problem").asText());
        }
        assertEquals(4, found.size(), found.toString());
        assertEquals(ids.get("dev") + " airlock-dev (" + scpIds.get("dev") + "): the service control policy attached "
                + "to " + devUnit + " differs from " + ids.get("dev") + "-dev-scp.json: statement "
                + "DenyLeavingOrganization is missing; statement DenyLeavingOrganizationLoosened is not in the generated "
                + "document", found.get(0));
        assertTrue(found.get(1).startsWith(prod + " airlock-prod: no service control policy like " + prod
                + "-prod-scp.json is attached"), found.toString());
        assertTrue(found.get(2).startsWith(prod + " arn:aws:iam::" + prod + ":role/airlock-deploy: role trust policy "
                + "differs"), found.toString());
        assertEquals(prod + " acme-airlock-prod: the bucket policy is missing", found.get(3));
        AirlockScript.Result text = airlock("doctor");
        assertTrue(text.out().contains("fix:     aws s3api put-bucket-policy --bucket acme-airlock-prod --policy "
                + "file://" + prod + "-prod-artifact-bucket-policy.json"), text.out());
        assertTrue(text.out().contains("fix:     aws organizations update-policy --policy-id " + scpIds.get("dev")
                + " --content file://" + ids.get("dev") + "-dev-scp.json"), text.out());
    }

    @Test
    void doctor_readingOrganizationsAsAnAccountOutsideIt_findsOnceThatItCannot() throws IOException {
        AirlockScript.Result result = airlock(List.of("--organizations-role", "arn:aws:iam::777777777777:role/nobody"),
                "doctor", "-o", "json");

        assertEquals(6, result.exitCode(), result.all());
        JsonNode findings = JSON.readTree(result.out()).get("findings");
        assertEquals(5, findings.size(), result.out());
        for (JsonNode finding : findings) {
            assertTrue(finding.get("problem").asText().startsWith("the account is not in the organization that "
                    + "arn:aws:iam::777777777777:role/nobody reads"), result.out());
        }
    }

    private AirlockScript.Result airlock(String... args) {
        return airlock(List.of(), args);
    }

    private AirlockScript.Result airlock(List<String> organizationsRole, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config", config.toString()));
        if (args[0].equals("doctor")) {
            all.addAll(organizationsRole.isEmpty()
                    ? List.of("--organizations-role", "arn:aws:iam::" + MANAGEMENT + ":role/airlock-inspector")
                    : organizationsRole);
        }
        Map<String, String> env = new HashMap<>(MotoAccounts.environment(accounts.credentials(ids.get("tooling"),
                MotoAccounts.CI_ROLE, "gha-run-4711")));
        return AirlockScript.run(env, all.toArray(String[]::new));
    }

    private S3Client s3(String account) {
        return clients.s3(accounts.provider(setup(account)), MotoAccounts.REGION);
    }

    private IamClient iam(String account) {
        return clients.iam(accounts.provider(setup(account)), MotoAccounts.REGION);
    }

    private Credentials setup(String account) {
        return accounts.credentials(account, "setup");
    }
}
