package dev.airlock.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.InvalidValueException;
import dev.airlock.aws.internal.AwsSection;
import dev.airlock.config.AirlockConfiguration;
import dev.airlock.config.InvalidConfigurationException;
import dev.airlock.config.Problem;
import dev.airlock.environment.Region;
import dev.airlock.environment.RoleArn;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code backend.aws} of a configuration file: read into settings, or refused where it is wrong. */
class AwsConfigurationFileTest {
    /** Lines 1-12; the aws section starts on line 13 with {@code region} at line 14. */
    private static final String LANDSCAPE = """
            version: 1
            accounts: {tooling: "111111111111", security: "999999999999"}
            environments:
              - {name: dev, account: "222222222222", regions: [eu-central-1], tier: development,
                 deployRole: "arn:aws:iam::222222222222:role/deploy"}
              - {name: prod, account: "444444444444", regions: [eu-central-1, eu-west-1], tier: production,
                 deployRole: "arn:aws:iam::444444444444:role/deploy"}
            pipeline:
              entry: [dev]
              promotions: [{from: dev, to: prod}]
            backend:
              type: aws
              aws:
            """;
    private static final String VALID = """
                region: eu-central-1
                originBucket: acme-artifacts
                ledgerBucket: acme-airlock-ledger
                environments:
                  dev: {bucket: acme-dev-artifacts}
                  prod: {bucket: acme-prod-artifacts}
            """;

    private static AwsSection.Read read(String aws) {
        AirlockConfiguration file = AirlockConfiguration.parse("airlock.yaml", LANDSCAPE + aws, false);
        return AwsSection.readBackend(file.backend().settings(), file.landscape());
    }

    private static List<Problem> problems(String aws) {
        return assertThrows(InvalidConfigurationException.class, () -> read(aws)).problems();
    }

    private static void assertOnly(String aws, int line, int column, String message) {
        List<Problem> problems = problems(aws);
        assertEquals(1, problems.size(), problems::toString);
        assertEquals("airlock.yaml:" + line + ":" + column + ": " + message, problems.get(0).toString());
    }

    @Test
    void everyOption_isReadIntoTheSettings() {
        AwsSection.Read config = read("""
                    region: eu-central-1
                    endpoint: http://127.0.0.1:5000
                    pathStyle: true
                    checksumsWhenRequired: true
                    hubRole: arn:aws:iam::111111111111:role/airlock-hub
                    hubExternalId: hub-7f3a
                    sessionDuration: 15m
                    refreshBefore: 2m
                    sessionScope: promotion
                    sessionPolicy: none
                    artifacts: s3
                    originBucket: acme-artifacts
                    artifactPrefix: builds
                    s3Verification: read-back
                    originRepository: payments/api
                    ecrStrategy: copy-to-environment
                    verifyPullAsEnvironment: false
                    ledgerBucket: acme-airlock-ledger
                    ledgerPrefix: audit
                    environments:
                      dev: {bucket: acme-dev-artifacts}
                      prod:
                        bucket: acme-prod-artifacts
                        repository: prod/payments-api
                        externalId: prod-7f3a
                        region: eu-west-1
                        objectLock: {mode: compliance, period: 365d}
                """);

        AwsConfiguration configuration = config.configuration();
        assertEquals(AwsConfiguration.Artifacts.S3, configuration.artifacts());
        assertEquals(Region.of("eu-central-1"), configuration.region());
        assertEquals(URI.create("http://127.0.0.1:5000"), config.endpoint());
        assertTrue(config.clients().toString().contains("endpointOverride=http://127.0.0.1:5000, pathStyle=true, "
                + "checksumsWhenRequired=true"), config.clients().toString());
        RoleChainConfiguration chain = configuration.roleChain();
        assertEquals(RoleArn.parse("arn:aws:iam::111111111111:role/airlock-hub"), chain.hubRole());
        assertEquals("hub-7f3a", chain.hubExternalId());
        assertEquals(Duration.ofMinutes(15), chain.sessionDuration());
        assertEquals(Duration.ofMinutes(2), chain.refreshBefore());
        assertEquals(SessionScope.PROMOTION, chain.sessionScope());
        assertEquals(SessionPolicy.none(), chain.sessionPolicy());
        assertEquals("acme-artifacts", configuration.s3().originBucket());
        assertEquals("builds", configuration.s3().artifactPrefix());
        assertEquals(S3Verification.READ_BACK, configuration.s3().verification());
        assertEquals("payments/api", configuration.ecr().originRepository());
        assertEquals(EcrStrategy.COPY_TO_ENVIRONMENT, configuration.ecr().strategy());
        assertFalse(configuration.ecr().verifyPullAsEnvironment());
        assertEquals(new S3LedgerConfiguration("acme-airlock-ledger", "audit", 10_000), configuration.ledger());
        assertEquals("acme-dev-artifacts", configuration.environment("dev").bucket());
        assertEquals(new EnvironmentConfiguration("acme-prod-artifacts", "prod/payments-api", "prod-7f3a",
                Region.of("eu-west-1"), ObjectLockRetention.compliance(Duration.ofDays(365))),
                configuration.environment("prod"));
    }

    @Test
    void defaults_areTheConfigurationDefaults() {
        AwsSection.Read config = read(VALID);

        assertEquals(AwsConfiguration.Artifacts.S3, config.configuration().artifacts());
        assertNull(config.endpoint());
        assertTrue(config.clients().toString().contains("pathStyle=false"), config.clients().toString());
        assertEquals(RoleChainConfiguration.defaults(), config.configuration().roleChain());
        assertEquals(SessionPolicy.narrowed(), config.configuration().roleChain().sessionPolicy(),
                "least privilege unless the file says otherwise");
        assertEquals(EcrStoreConfiguration.defaults(), config.configuration().ecr());
        assertEquals(S3Verification.CHECKSUM, config.configuration().s3().verification());
    }

    @Test
    void sessionPolicy_otherThanNarrowedOrNone_isRefusedWhereItIsWritten() {
        List<Problem> problems = problems(VALID + "    sessionPolicy: wide\n");

        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).toString().contains("must be one of narrowed, none"), problems.toString());
    }

    @Test
    void imagesNeedOnlyTheOriginRepository() {
        AwsSection.Read config = read("""
                    region: eu-central-1
                    artifacts: ecr
                    originRepository: payments/api
                    ledgerBucket: acme-airlock-ledger
                """);

        assertEquals(AwsConfiguration.Artifacts.ECR, config.configuration().artifacts());
    }

    @Test
    void unknownKey_isLocatedAndListsTheAllowedOnes() {
        List<Problem> problems = problems(VALID + "    bucketName: x\n");

        assertEquals(1, problems.size(), problems::toString);
        assertEquals(20, problems.get(0).line());
        assertTrue(problems.get(0).message().startsWith("unknown key 'bucketName' in backend.aws; allowed keys: "
                + "artifactPrefix, artifacts,"), problems.get(0)::toString);
    }

    @Test
    void missingRegion_isRequired() {
        assertOnly(VALID.replace("    region: eu-central-1\n", ""), 14, 5,
                "backend.aws is missing required key 'region'");
    }

    @Test
    void badBucketName_namesFieldValueAndRule() {
        assertOnly(VALID.replace("acme-prod-artifacts", "Acme_Prod"), 19, 22,
                "backend.aws.environments.prod.bucket: 'Acme_Prod' must be an S3 bucket name: 3-63 lowercase letters, "
                        + "digits, dots and hyphens, starting and ending with a letter or digit");
    }

    @Test
    void badRoleArn_isLocated() {
        List<Problem> problems = problems(VALID + "    hubRole: arn:aws:iam::11:role/hub\n");

        assertEquals(1, problems.size(), problems::toString);
        assertEquals(20, problems.get(0).line());
        assertEquals(14, problems.get(0).column());
        assertTrue(problems.get(0).message().startsWith("backend.aws.hubRole: 'arn:aws:iam::11:role/hub' "),
                problems.get(0)::toString);
    }

    @Test
    void hubRoleOutsideTheToolingAccount_isRefused() {
        assertOnly(VALID + "    hubRole: arn:aws:iam::222222222222:role/hub\n", 20, 14,
                "backend.aws.hubRole: 'arn:aws:iam::222222222222:role/hub' must be a role in the tooling account "
                        + "111111111111, where every role chain starts");
    }

    @Test
    void hubExternalIdWithoutHubRole_isRefused() {
        assertOnly(VALID + "    hubExternalId: abc\n", 20, 5,
                "backend.aws.hubExternalId needs a hubRole: it is sent only when assuming the hub role");
    }

    @Test
    void environmentNotInTheLandscape_isRefused() {
        assertOnly(VALID + "      qa: {bucket: acme-qa}\n", 20, 7,
                "backend.aws.environments.qa: 'qa' is not an environment of the landscape; its environments are "
                        + "dev, prod");
    }

    @Test
    void environmentRegionOutsideItsRegions_isRefused() {
        assertOnly(VALID.replace("{bucket: acme-dev-artifacts}", "{bucket: acme-dev-artifacts, region: us-east-1}"),
                18, 49, "backend.aws.environments.dev.region: 'us-east-1' must be one of environment dev's regions "
                        + "[eu-central-1]");
    }

    @Test
    void sessionDurationAboveTheChainLimit_isRefused() {
        assertOnly(VALID + "    sessionDuration: 2h\n", 20, 22,
                "backend.aws.sessionDuration: 'PT2H' must be between PT15M and PT1H");
    }

    @Test
    void refreshBeforeMoreThanHalfTheSession_isRefused() {
        assertOnly(VALID + "    sessionDuration: 20m\n    refreshBefore: 15m\n", 21, 20,
                "backend.aws.refreshBefore: 'PT15M' must be between PT1S and PT10M");
    }

    @Test
    void unknownChoice_listsTheChoices() {
        assertOnly(VALID + "    ecrStrategy: mirror\n", 20, 18,
                "backend.aws.ecrStrategy: 'mirror' must be one of central-registry, copy-to-environment");
        assertOnly(VALID + "    s3Verification: trust\n", 20, 21,
                "backend.aws.s3Verification: 'trust' must be one of checksum, read-back");
    }

    @Test
    void wrongKind_isRefused() {
        assertOnly(VALID + "    pathStyle: yes please\n", 20, 16, "backend.aws.pathStyle must be true or false, got text");
    }

    @Test
    void endpointThatIsNotAnHttpUrl_isRefused() {
        assertOnly(VALID + "    endpoint: 127.0.0.1:5000\n", 20, 15,
                "backend.aws.endpoint: '127.0.0.1:5000' must be an http or https URL with a host and no user info, "
                        + "such as http://127.0.0.1:5000");
    }

    @Test
    void endpointWithUserInfo_isRefused_withoutEchoingIt() {
        assertOnly(VALID + "    endpoint: https://ci:s3cr3t@s3.example.com\n", 20, 15,
                "backend.aws.endpoint: 'https://<user info>@s3.example.com' must be an http or https URL with a host "
                        + "and no user info, such as http://127.0.0.1:5000");
    }

    @Test
    void filesNeedAnOriginBucketAndABucketPerEnvironment() {
        List<Problem> problems = problems("""
                    region: eu-central-1
                    ledgerBucket: acme-airlock-ledger
                    environments:
                      dev: {repository: dev/api}
                """);

        assertEquals(List.of(
                "airlock.yaml:14:5: backend.aws is missing required key 'originBucket' (files are uploaded there "
                        + "with 'artifacts: s3', the default)",
                "airlock.yaml:17:7: backend.aws.environments.prod needs a bucket: with 'artifacts: s3' every "
                        + "environment is promoted into a bucket of its own account",
                "airlock.yaml:17:12: backend.aws.environments.dev needs a bucket: with 'artifacts: s3' every "
                        + "environment is promoted into a bucket of its own account"),
                problems.stream().map(Problem::toString).toList());
    }

    @Test
    void objectLockNeedsModeAndAtLeastADay() {
        List<Problem> problems = problems(VALID.replace("{bucket: acme-prod-artifacts}",
                "{bucket: acme-prod-artifacts, objectLock: {mode: legal, period: 12h}}"));

        assertEquals(2, problems.size(), problems::toString);
        assertTrue(problems.get(0).message().contains("objectLock.mode: 'legal' must be one of governance, compliance"),
                problems::toString);
        assertTrue(problems.get(1).message().contains("objectLock.period: 'PT12H' must be at least one day"),
                problems::toString);
    }

    @Test
    void externalIds_areNeverEchoed() {
        String secretish = "bad id with spaces";
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> read(VALID.replace("{bucket: acme-dev-artifacts}", "{bucket: acme-dev-artifacts, externalId: '"
                        + secretish + "'}")));

        assertFalse(e.getMessage().contains(secretish), e::getMessage);
        assertTrue(e.getMessage().contains("externalId: '<18 characters>' must be 2-1224 characters"), e::getMessage);
        assertFalse(read(VALID.replace("{bucket: acme-dev-artifacts}",
                "{bucket: acme-dev-artifacts, externalId: dev-7f3a}")).toString().contains("dev-7f3a"));
    }

    @Test
    void everyProblem_isReportedAtOnce() {
        assertEquals(3, problems(VALID.replace("eu-central-1", "Europe").replace("acme-artifacts", "A")
                .replace("acme-airlock-ledger", "ledger_")).size());
    }

    @Test
    void localConfiguration_hasNoAwsBackend() {
        String local = LANDSCAPE.replace("  type: aws\n  aws:\n", "  type: local\n");
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> AwsBackendProvider.backend(AirlockConfiguration.parse("airlock.yaml", local, false)));

        assertEquals("backend.type: 'local' must be aws to read the aws backend", e.getMessage());
    }
}
