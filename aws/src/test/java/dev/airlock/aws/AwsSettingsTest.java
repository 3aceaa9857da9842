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

class AwsSettingsTest {
    private static AwsSettings.Builder valid() {
        return AwsSettings.builder().region(Region.of("eu-central-1"));
    }

    @Test
    void defaults_areTheDocumentedOnes() {
        AwsSettings settings = valid().build();

        assertEquals(Duration.ofHours(1), settings.sessionDuration());
        assertEquals(Duration.ofMinutes(5), settings.refreshBefore());
        assertEquals(SessionScope.CHAIN, settings.sessionScope());
        assertEquals(EcrStrategy.CENTRAL_REGISTRY, settings.ecrStrategy());
        assertEquals("airlock/artifacts", settings.artifactPrefix());
        assertEquals(5L * 1024 * 1024 * 1024, settings.multipartCopyThreshold());
        assertEquals(10L * 1024 * 1024, settings.layerPartSize());
        assertFalse(settings.pathStyle());
        assertEquals(EnvironmentSettings.defaults(), settings.environment("anything"));
    }

    @Test
    void sessionDuration_outsideWhatStsAllowsForChainedSessions_isRefused() {
        InvalidValueException shorter = assertThrows(InvalidValueException.class,
                () -> valid().sessionDuration(Duration.ofSeconds(899)).build());
        InvalidValueException longer = assertThrows(InvalidValueException.class,
                () -> valid().sessionDuration(Duration.ofSeconds(3601)).build());

        assertEquals("sessionDuration", shorter.field());
        assertTrue(longer.getMessage().contains("must be between PT15M and PT1H"), longer.getMessage());
    }

    @Test
    void refreshBefore_moreThanHalfTheSession_isRefused() {
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> valid().sessionDuration(Duration.ofMinutes(20)).refreshBefore(Duration.ofMinutes(11)).build());

        assertEquals("refreshBefore", e.field());
    }

    @Test
    void externalId_notMatchingStsRules_isRefusedWithoutEchoingIt() {
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> EnvironmentSettings.builder().externalId("secret but has spaces").build());

        assertEquals("externalId", e.field());
        assertFalse(e.getMessage().contains("secret but has spaces"), e.getMessage());
        assertTrue(e.getMessage().contains("2-1224 characters of letters, digits and _+=,.@:/-"), e.getMessage());
        EnvironmentSettings.builder().externalId("arn:aws:x/y=z,a.b@c-d_e+f").build();
    }

    @Test
    void hubExternalId_withoutAHubRole_isRefused() {
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> valid().hubExternalId("hub-ext").build());

        assertEquals("hubExternalId", e.field());
        valid().hubRole(RoleArn.parse("arn:aws:iam::111111111111:role/hub")).hubExternalId("hub-ext").build();
    }

    @Test
    void bucketsRepositoriesAndPrefixes_followAwsNaming() {
        assertEquals("originBucket", assertThrows(InvalidValueException.class,
                () -> valid().originBucket("Upper_Case").build()).field());
        assertEquals("bucket", assertThrows(InvalidValueException.class,
                () -> EnvironmentSettings.builder().bucket("a").build()).field());
        assertEquals("originRepository", assertThrows(InvalidValueException.class,
                () -> valid().originRepository("Payments/API").build()).field());
        assertEquals("artifactPrefix", assertThrows(InvalidValueException.class,
                () -> valid().artifactPrefix("/leading").build()).field());
    }

    @Test
    void sizes_outsideAwsLimits_areRefused() {
        assertEquals("layerPartSize", assertThrows(InvalidValueException.class,
                () -> valid().layerPartSize(11L * 1024 * 1024).build()).field());
        assertEquals("multipartCopyThreshold", assertThrows(InvalidValueException.class,
                () -> valid().multipartCopyThreshold(6L * 1024 * 1024 * 1024).build()).field());
        InvalidValueException part = assertThrows(InvalidValueException.class,
                () -> valid().copyPartSize(1024).build());
        assertTrue(part.getMessage().contains("between 5 MiB and 5 GiB"), part.getMessage());
    }

    @Test
    void emulator_setsEndpointPathStyleAndChecksumMode_andToBuilderRoundTrips() {
        AwsSettings settings = valid().emulator(URI.create("http://127.0.0.1:5000")).build();

        assertEquals(URI.create("http://127.0.0.1:5000"), settings.endpointOverride());
        assertTrue(settings.pathStyle());
        assertTrue(settings.checksumsWhenRequired());
        assertEquals(settings.toString(), settings.toBuilder().build().toString());
    }

    @Test
    void toString_neverShowsExternalIds() {
        AwsSettings settings = valid().environment("prod", EnvironmentSettings.builder().externalId("prod-7f3a-9")
                .build()).build();

        assertFalse(settings.toString().contains("prod-7f3a-9"), settings.toString());
        assertTrue(settings.toString().contains("externalId=(set)"), settings.toString());
    }

    @Test
    void resilience_isValidated() {
        assertEquals("resilience.maxAttempts", assertThrows(InvalidValueException.class,
                () -> ResilienceSettings.builder().maxAttempts(0).build()).field());
        assertEquals("resilience.slidingWindow", assertThrows(InvalidValueException.class,
                () -> ResilienceSettings.builder().minimumCalls(10).slidingWindow(5).build()).field());
    }
}
