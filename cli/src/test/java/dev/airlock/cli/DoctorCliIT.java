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
 * shipped aws sample: nothing found on that setup, then each deliberate break in the prod account found,
 * with exit code 6 and the fix.
 */
class DoctorCliIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> BUCKETS = Map.of("tooling", "acme-airlock-origin",
            "security", "acme-airlock-ledger", "dev", "acme-airlock-dev", "staging", "acme-airlock-staging",
            "prod", "acme-airlock-prod");

    @TempDir
    Path dir;

    private MotoAccounts accounts;
    private AwsClientFactory clients;
    private Path config;
    private Path policies;

    @BeforeEach
    void setUp() throws IOException {
        accounts = new MotoAccounts();
        clients = AwsClientFactory.builder().emulator(accounts.endpoint()).build();
        config = dir.resolve("airlock.yaml");
        Files.writeString(config, Files.readString(AirlockScript.ROOT.resolve("examples/config/airlock-aws.yaml"))
                .replace("http://127.0.0.1:5000", accounts.endpoint().toString()));
        policies = dir.resolve("policies");
        assertEquals(0, airlock("aws", "policies", "--out", policies.toString()).exitCode());
        for (Map.Entry<String, String> bucket : BUCKETS.entrySet()) {
            try (S3Client s3 = s3(account(bucket.getKey()))) {
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
    }

    /** Puts one document in place as its file name says (SCPs and managed policies are not read by the doctor). */
    private void apply(Path file) throws IOException {
        String[] name = file.getFileName().toString().replace(".json", "").split("-", 3);
        if (name.length < 3) {
            return;
        }
        String account = name[0];
        String owner = name[1];
        String purpose = name[2];
        String document = Files.readString(file);
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
        }
    }

    @Test
    void doctor_onTheGeneratedSetup_findsNothing_andFindsEachBreakOfTheProdAccount() throws IOException {
        AirlockScript.Result healthy = airlock("doctor", "-o", "json");
        assertEquals(0, healthy.exitCode(), healthy.all());
        assertEquals(0, JSON.readTree(healthy.out()).get("findings").size(), healthy.out());

        try (S3Client s3 = s3("444444444444")) {
            s3.deleteBucketPolicy(r -> r.bucket("acme-airlock-prod"));
        }
        try (IamClient iam = iam("444444444444")) {
            iam.updateAssumeRolePolicy(r -> r.roleName("airlock-deploy").policyDocument("{\"Version\":\"2012-10-17\","
                    + "\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::444444444444:root\"},"
                    + "\"Action\":\"sts:AssumeRole\"}]}"));
        }
        AirlockScript.Result broken = airlock("doctor", "-o", "json");

        assertEquals(6, broken.exitCode(), broken.all());
        List<String> found = new ArrayList<>();
        for (JsonNode finding : JSON.readTree(broken.out()).get("findings")) {
            assertEquals("444444444444", finding.get("account").asText(), broken.out());
            assertTrue(finding.get("fix").asText().contains("444444444444-prod-"), broken.out());
            found.add(finding.get("resource").asText() + ": " + finding.get("problem").asText());
        }
        assertEquals(2, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("arn:aws:iam::444444444444:role/airlock-deploy: role trust policy differs"),
                found.toString());
        assertEquals("acme-airlock-prod: the bucket policy is missing", found.get(1));
        AirlockScript.Result text = airlock("doctor");
        assertTrue(text.out().contains("fix:     aws s3api put-bucket-policy --bucket acme-airlock-prod --policy "
                + "file://444444444444-prod-artifact-bucket-policy.json"), text.out());
    }

    private AirlockScript.Result airlock(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config", config.toString()));
        Map<String, String> env = new HashMap<>(MotoAccounts.environment(accounts.signedIn("ci@tooling")));
        return AirlockScript.run(env, all.toArray(String[]::new));
    }

    private static String account(String owner) {
        return switch (owner) {
            case "tooling" -> "111111111111";
            case "security" -> "999999999999";
            case "dev" -> "222222222222";
            case "staging" -> "333333333333";
            default -> "444444444444";
        };
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
