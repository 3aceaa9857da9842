package dev.airlock.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.InvalidValueException;
import dev.airlock.environment.Region;
import dev.airlock.environment.RoleArn;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The Java configuration of the aws backend: defaults, and every value checked against its AWS rule. */
class AwsConfigurationTest {
    private static AwsConfiguration.Builder valid() {
        return AwsConfiguration.builder().region(Region.of("eu-central-1"));
    }

    @Test
    void defaults_areTheDocumentedOnes() {
        AwsConfiguration configuration = valid().build();

        assertEquals(AwsConfiguration.Artifacts.S3, configuration.artifacts());
        assertEquals(Duration.ofHours(1), configuration.roleChain().sessionDuration());
        assertEquals(Duration.ofMinutes(5), configuration.roleChain().refreshBefore());
        assertEquals(SessionScope.CHAIN, configuration.roleChain().sessionScope());
        assertEquals(EcrStrategy.CENTRAL_REGISTRY, configuration.ecr().strategy());
        assertEquals("airlock/artifacts", configuration.s3().artifactPrefix());
        assertEquals(5L * 1024 * 1024 * 1024, configuration.s3().multipartCopyThreshold());
        assertEquals(10L * 1024 * 1024, configuration.ecr().layerPartSize());
        assertEquals(new S3LedgerConfiguration(null, "airlock/ledger", 10_000), configuration.ledger());
        assertEquals(EnvironmentConfiguration.defaults(), configuration.environment("anything"));
    }

    @Test
    void sessionDuration_outsideWhatStsAllowsForChainedSessions_isRefused() {
        InvalidValueException shorter = assertThrows(InvalidValueException.class,
                () -> valid().roleChain(chain -> chain.sessionDuration(Duration.ofSeconds(899))).build());
        InvalidValueException longer = assertThrows(InvalidValueException.class,
                () -> valid().roleChain(chain -> chain.sessionDuration(Duration.ofSeconds(3601))).build());

        assertEquals("sessionDuration", shorter.field());
        assertTrue(longer.getMessage().contains("must be between PT15M and PT1H"), longer.getMessage());
    }

    @Test
    void refreshBefore_moreThanHalfTheSession_isRefused() {
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> RoleChainConfiguration.builder().sessionDuration(Duration.ofMinutes(20))
                        .refreshBefore(Duration.ofMinutes(11)).build());

        assertEquals("refreshBefore", e.field());
    }

    @Test
    void externalId_notMatchingStsRules_isRefusedWithoutEchoingIt() {
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> EnvironmentConfiguration.builder().externalId("secret but has spaces").build());

        assertEquals("externalId", e.field());
        assertFalse(e.getMessage().contains("secret but has spaces"), e.getMessage());
        assertTrue(e.getMessage().contains("2-1224 characters of letters, digits and _+=,.@:/-"), e.getMessage());
        EnvironmentConfiguration.builder().externalId("arn:aws:x/y=z,a.b@c-d_e+f").build();
    }

    @Test
    void hubExternalId_withoutAHubRole_isRefused() {
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> RoleChainConfiguration.builder().hubExternalId("hub-ext").build());

        assertEquals("hubExternalId", e.field());
        RoleChainConfiguration.builder().hubRole(RoleArn.parse("arn:aws:iam::111111111111:role/hub"))
                .hubExternalId("hub-ext").build();
    }

    @Test
    void bucketsRepositoriesAndPrefixes_followAwsNaming() {
        assertEquals("originBucket", assertThrows(InvalidValueException.class,
                () -> S3StoreConfiguration.builder().originBucket("Upper_Case").build()).field());
        assertEquals("bucket", assertThrows(InvalidValueException.class,
                () -> EnvironmentConfiguration.builder().bucket("a").build()).field());
        assertEquals("originRepository", assertThrows(InvalidValueException.class,
                () -> EcrStoreConfiguration.builder().originRepository("Payments/API").build()).field());
        assertEquals("artifactPrefix", assertThrows(InvalidValueException.class,
                () -> S3StoreConfiguration.builder().artifactPrefix("/leading").build()).field());
        assertEquals("ledgerBucket", assertThrows(InvalidValueException.class,
                () -> S3LedgerConfiguration.builder().bucket("x").build()).field());
    }

    @Test
    void sizes_outsideAwsLimits_areRefused() {
        assertEquals("layerPartSize", assertThrows(InvalidValueException.class,
                () -> EcrStoreConfiguration.builder().layerPartSize(11L * 1024 * 1024).build()).field());
        assertEquals("multipartCopyThreshold", assertThrows(InvalidValueException.class,
                () -> S3StoreConfiguration.builder().multipartCopyThreshold(6L * 1024 * 1024 * 1024).build()).field());
        InvalidValueException part = assertThrows(InvalidValueException.class,
                () -> S3StoreConfiguration.builder().copyPartSize(1024).build());
        assertTrue(part.getMessage().contains("between 5 MiB and 5 GiB"), part.getMessage());
    }

    @Test
    void groupChanges_keepTheOtherOptions_andToBuilderRoundTrips() {
        AwsConfiguration configuration = valid().s3(s3 -> s3.originBucket("acme-artifacts"))
                .s3(s3 -> s3.copyParallelism(8)).build();

        assertEquals("acme-artifacts", configuration.s3().originBucket());
        assertEquals(8, configuration.s3().copyParallelism());
        assertEquals(configuration, configuration.toBuilder().build());
    }

    @Test
    void emulator_setsEndpointPathStyleAndChecksumModeOfTheClients() {
        String clients = AwsClientFactory.builder().emulator(URI.create("http://127.0.0.1:5000")).build().toString();

        assertTrue(clients.contains("endpointOverride=http://127.0.0.1:5000, pathStyle=true, checksumsWhenRequired=true"),
                clients);
    }

    @Test
    void toString_neverShowsExternalIds() {
        AwsConfiguration settings = valid().environment("prod", EnvironmentConfiguration.builder()
                .externalId("prod-7f3a-9").build()).roleChain(chain -> chain
                        .hubRole(RoleArn.parse("arn:aws:iam::111111111111:role/hub")).hubExternalId("hub-7f3a-9")).build();

        assertFalse(settings.toString().contains("7f3a-9"), settings.toString());
        assertTrue(settings.toString().contains("externalId=(set)"), settings.toString());
    }

    @Test
    void resilience_isValidated() {
        assertEquals("resilience.maxAttempts", assertThrows(InvalidValueException.class,
                () -> ResilienceConfiguration.builder().maxAttempts(0).build()).field());
        assertEquals("resilience.slidingWindow", assertThrows(InvalidValueException.class,
                () -> ResilienceConfiguration.builder().minimumCalls(10).slidingWindow(5).build()).field());
    }
}
