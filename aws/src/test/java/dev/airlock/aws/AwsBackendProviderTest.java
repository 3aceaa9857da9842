package dev.airlock.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.InvalidValueException;
import dev.airlock.aws.internal.AwsSection;
import dev.airlock.config.AirlockConfiguration;
import dev.airlock.config.InvalidConfigurationException;
import dev.airlock.spi.BackendContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code backend: {type: aws}} is found through the provider SPI and read where it is written. */
class AwsBackendProviderTest {
    private static final String LANDSCAPE = """
            version: 1
            accounts: {tooling: "111111111111", security: "999999999999"}
            environments:
              - {name: dev, account: "222222222222", regions: [eu-central-1], tier: development,
                 deployRole: "arn:aws:iam::222222222222:role/deploy"}
            pipeline: {entry: [dev], promotions: []}
            backend:
              type: aws
            """;
    private static final String SETTINGS = """
              aws:
                region: eu-central-1
                originBucket: acme-artifacts
                ledgerBucket: acme-airlock-ledger
                environments: {dev: {bucket: acme-dev-artifacts, externalId: dev-secret-id}}
            """;

    private static AirlockConfiguration load(String backend) {
        return AirlockConfiguration.parse("airlock.yaml", LANDSCAPE + backend, false);
    }

    private static String onlyProblem(String backend) {
        AirlockConfiguration configuration = load(backend);
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> configuration.backend().describe(configuration.landscape()));
        assertEquals(1, e.problems().size(), e::getMessage);
        return e.problems().get(0).toString();
    }

    @Test
    void identities_mapArnPatternsToPrincipals_inTheFilesOrder() {
        AwsSection.Read read = AwsSection.readBackend(load(SETTINGS + """
                    identities:
                      "arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_*/*": "{session}"
                      "arn:aws:sts::111111111111:assumed-role/airlock-ci/*": ci@tooling
                """).backend().settings(), load(SETTINGS).landscape());

        assertEquals(List.of(new IdentityMapping.Rule("arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_*/*",
                        "{session}"), new IdentityMapping.Rule("arn:aws:sts::111111111111:assumed-role/airlock-ci/*",
                        "ci@tooling")), read.identities().rules());
    }

    @Test
    void anIdentityThatIsNotAnArnPattern_isAProblemAtItsPlace() {
        String problem = onlyProblem(SETTINGS + """
                    identities: {"AWSReservedSSO_*": "{session}"}
                """);

        assertTrue(problem.contains("backend.aws.identities.AWSReservedSSO_*: 'AWSReservedSSO_*' must be an ARN pattern"),
                problem);
    }

    @Test
    void awsType_isFoundOnTheClassPath() {
        assertInstanceOf(AwsBackendProvider.class, load(SETTINGS).backend().provider());
    }

    @Test
    void describe_saysWhereArtifactsAndTheLedgerLive_withoutExternalIds() {
        AirlockConfiguration configuration = load(SETTINGS);

        Map<String, String> described = configuration.backend().describe(configuration.landscape());

        assertEquals("{type=aws, region=eu-central-1, artifacts=s3, originBucket=acme-artifacts, "
                + "ledgerBucket=acme-airlock-ledger, credentials=the AWS SDK's default provider chain, "
                + "identities=none mapped: every caller is refused}", described.toString());
        assertFalse(described.toString().contains("dev-secret-id"));
    }

    @Test
    void withoutSettings_isMissingTheAwsKey() {
        assertEquals("airlock.yaml:8:3: backend is missing required key 'aws'",
                onlyProblem("").replaceFirst(" \\(.*", ""));
    }

    @Test
    void settingsThatAreNotAMap_areRefused() {
        assertEquals("airlock.yaml:9:8: backend.aws must be a map, got text", onlyProblem("  aws: eu-central-1\n"));
    }

    @Test
    void aStateDirectory_isRefused_becauseNothingOfThisBackendIsLocal() {
        assertEquals("airlock.yaml:9:3: unknown key 'state' in backend; allowed keys: aws, type",
                onlyProblem("  state: st\n" + SETTINGS).replaceFirst("(allowed keys: aws, type).*", "$1"));
    }

    @Test
    void aStateDirectoryGivenOutsideTheFile_isRefusedBeforeAnyCall() {
        AirlockConfiguration configuration = load(SETTINGS);

        InvalidValueException e = assertThrows(InvalidValueException.class, () -> configuration.backend().open(
                new BackendContext(configuration.landscape(), Clock.systemUTC(), Path.of("."), Path.of("state"))));

        assertEquals("state", e.field());
    }

    @Test
    void aMeterRegistryThatIsNotMicrometers_isRefusedBeforeAnyCall_namingItsType() {
        AirlockConfiguration configuration = load(SETTINGS);

        InvalidValueException e = assertThrows(InvalidValueException.class, () -> configuration.backend().open(
                BackendContext.of(configuration.landscape(), Clock.systemUTC(), Path.of("."))
                        .withMeterRegistry(new StringBuilder("not a registry"))));

        assertEquals("meterRegistry", e.field());
        assertEquals("java.lang.StringBuilder", e.value());
    }
}
