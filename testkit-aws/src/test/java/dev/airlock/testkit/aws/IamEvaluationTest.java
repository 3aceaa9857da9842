package dev.airlock.testkit.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.InvalidValueException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * What the in-memory AWS evaluates of IAM's logic: conditions, explicit denies that name their statement,
 * service control policies bounding member accounts, and trust policies given as documents.
 */
class IamEvaluationTest {
    private static final String BUCKET = "prod-artifacts";
    private static final String ADMIN = "arn:aws:iam::333333333333:role/admin";

    private final TestLandscape landscape = new TestLandscape();
    private final AwsWorld world = landscape.world;

    IamEvaluationTest() {
        world.putRole(IamRole.of(ADMIN, TrustPolicy.trusting(TestLandscape.PROD)));
        world.putRole(IamRole.of("arn:aws:iam::333333333333:role/ops", TrustPolicy.trusting(TestLandscape.CI_USER)));
        try (S3Client prod = world.s3(world.credentials(TestLandscape.PROD))) {
            prod.createBucket(b -> b.bucket(BUCKET));
        }
    }

    private AwsCredentialsProvider admin() {
        AwsCredentialsProvider ops = TestLandscape.credentials(world.sts(landscape.ci())
                .assumeRole(r -> r.roleArn("arn:aws:iam::333333333333:role/ops").roleSessionName("ops")));
        return TestLandscape.credentials(world.sts(ops).assumeRole(r -> r.roleArn(ADMIN).roleSessionName("ops")));
    }

    private void bucketPolicy(String statements) {
        try (S3Client prod = world.s3(world.credentials(TestLandscape.PROD))) {
            prod.putBucketPolicy(p -> p.bucket(BUCKET).policy("{\"Version\":\"2012-10-17\",\"Statement\":[" + statements
                    + "]}"));
        }
    }

    private static void put(AwsCredentialsProvider credentials, AwsWorld world, String key, String ifNoneMatch) {
        try (S3Client s3 = world.s3(credentials)) {
            s3.putObject(r -> r.bucket(BUCKET).key(key).ifNoneMatch(ifNoneMatch), RequestBody.fromString("x"));
        }
    }

    @Test
    void bucketPolicy_denyOnMissingSourceIdentity_refusesNamingTheStatement_andExplicitDenyBeatsTheAccount() {
        bucketPolicy("{\"Sid\":\"DenyWithoutSourceIdentity\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":"
                + "\"s3:PutObject\",\"Resource\":\"arn:aws:s3:::" + BUCKET + "/*\",\"Condition\":{\"Null\":"
                + "{\"aws:SourceIdentity\":\"true\"}}}");

        S3Exception e = assertThrows(S3Exception.class, () -> put(world.credentials(TestLandscape.PROD), world, "a", null));

        assertEquals(403, e.statusCode());
        assertTrue(e.getMessage().contains("explicit deny in a resource-based policy (statement "
                + "DenyWithoutSourceIdentity)"), e.getMessage());
    }

    @Test
    void bucketPolicy_conditionsOnIfNoneMatchAndPrincipalArn_holdOnlyForTheRequestsTheyDescribe() {
        bucketPolicy("{\"Sid\":\"WriteOnce\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:PutObject\","
                + "\"Resource\":\"arn:aws:s3:::" + BUCKET + "/*\",\"Condition\":{\"Null\":{\"s3:if-none-match\":\"true\"}}},"
                + "{\"Sid\":\"OnlyAdmins\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:PutObject\","
                + "\"Resource\":\"arn:aws:s3:::" + BUCKET + "/*\",\"Condition\":{\"ArnNotLike\":{\"aws:PrincipalArn\":"
                + "\"arn:aws:iam::333333333333:role/adm*\"},\"Bool\":{\"aws:SecureTransport\":\"true\"}}}");
        world.putRole(IamRole.of(ADMIN, TrustPolicy.trusting("arn:aws:iam::333333333333:root")));

        put(admin(), world, "created-once", "*");
        S3Exception overwrite = assertThrows(S3Exception.class, () -> put(admin(), world, "created-once", null));
        S3Exception root = assertThrows(S3Exception.class, () -> put(world.credentials(TestLandscape.PROD), world, "b", "*"));

        assertTrue(overwrite.getMessage().contains("(statement WriteOnce)"), overwrite.getMessage());
        assertTrue(root.getMessage().contains("(statement OnlyAdmins)"), root.getMessage());
    }

    @Test
    void serviceControlPolicy_boundsEveryPrincipalOfAMemberAccount_butNotTheManagementAccount() {
        world.organization("o-a1b2c3d4e5", TestLandscape.TOOLING);
        world.organizationalUnit("production", TestLandscape.PROD);
        String scp = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"NoWritesOutsideEu\",\"Effect\":\"Deny\","
                + "\"NotAction\":[\"iam:*\",\"sts:*\"],\"Resource\":\"*\",\"Condition\":{\"StringNotLike\":"
                + "{\"aws:RequestedRegion\":\"eu-*\"}}},{\"Sid\":\"NoDeletes\",\"Effect\":\"Deny\",\"Action\":"
                + "\"s3:DeleteObject\",\"Resource\":\"*\"}]}";
        world.attachServiceControlPolicy("airlock-prod", scp, "production");
        put(world.credentials(TestLandscape.PROD), world, "kept", "*");

        S3Exception e = assertThrows(S3Exception.class, () -> {
            try (S3Client s3 = world.s3(world.credentials(TestLandscape.PROD))) {
                s3.deleteObject(d -> d.bucket(BUCKET).key("kept"));
            }
        });

        assertTrue(e.getMessage().contains("explicit deny in a service control policy (airlock-prod, statement "
                + "NoDeletes)"), e.getMessage());
        InvalidValueException tooLarge = assertThrows(InvalidValueException.class,
                () -> world.attachServiceControlPolicy("big", scp + " ".repeat(5_000), "root"));
        assertTrue(tooLarge.getMessage().contains("5,120"), tooLarge.getMessage());
    }

    @Test
    void trustDocument_isEvaluatedWithItsConditions_andADenyNamesItsStatement() {
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Sid\":\"DenyWithoutExternalId\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"sts:AssumeRole\","
                + "\"Condition\":{\"StringNotEquals\":{\"sts:ExternalId\":\"ext-1\"}}},"
                + "{\"Sid\":\"Hub\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111111111111:root\"},"
                + "\"Action\":[\"sts:AssumeRole\",\"sts:SetSourceIdentity\"],\"Condition\":{\"ArnLike\":"
                + "{\"aws:PrincipalArn\":\"" + TestLandscape.HUB + "\"},\"StringLike\":{\"sts:SourceIdentity\":\"*@acme\"}}}]}";
        world.putRole(IamRole.builder("arn:aws:iam::333333333333:role/gated").trustDocument(trust).build());

        StsException noExternalId = assertThrows(StsException.class, () -> world.sts(landscape.hub()).assumeRole(
                r -> r.roleArn("arn:aws:iam::333333333333:role/gated").roleSessionName("s1").sourceIdentity("rita@acme")));
        StsException wrongIdentity = assertThrows(StsException.class, () -> world.sts(landscape.hub()).assumeRole(
                r -> r.roleArn("arn:aws:iam::333333333333:role/gated").roleSessionName("s1").externalId("ext-1")
                        .sourceIdentity("mallory")));
        world.sts(landscape.hub()).assumeRole(r -> r.roleArn("arn:aws:iam::333333333333:role/gated")
                .roleSessionName("s1").externalId("ext-1").sourceIdentity("rita@acme"));

        assertTrue(noExternalId.getMessage().contains("explicit deny in the role's trust policy (statement "
                + "DenyWithoutExternalId)"), noExternalId.getMessage());
        assertTrue(wrongIdentity.getMessage().contains("no statement of the role's trust policy allows it"),
                wrongIdentity.getMessage());
    }
}
