package dev.airlock.environment;

import static dev.airlock.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class TierTest {

    @Test
    void tiers_areOrderedByRisk() {
        assertEquals(List.of(Tier.SANDBOX, Tier.DEVELOPMENT, Tier.TEST, Tier.STAGING, Tier.PRODUCTION),
                Arrays.stream(Tier.values()).sorted().toList());
    }

    @Test
    void isLowerThan_isStrict() {
        assertTrue(Tier.SANDBOX.isLowerThan(Tier.DEVELOPMENT));
        assertTrue(Tier.STAGING.isLowerThan(Tier.PRODUCTION));
        assertTrue(Tier.DEVELOPMENT.isLowerThan(Tier.PRODUCTION));
        assertFalse(Tier.PRODUCTION.isLowerThan(Tier.STAGING));
        assertFalse(Tier.TEST.isLowerThan(Tier.TEST));
    }

    @ParameterizedTest
    @EnumSource(Tier.class)
    void parse_ofConfigName_returnsTheTier(Tier tier) {
        assertEquals(tier, Tier.parse(tier.configName()));
    }

    @Test
    void configName_isLowercase() {
        assertEquals("production", Tier.PRODUCTION.configName());
        assertEquals("sandbox", Tier.SANDBOX.configName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "prod", "dev", "Production", "STAGING", " test", "test ", "qa"})
    void parse_ofUnknownName_isRejectedListingTheTiers(String value) {
        assertRejected(() -> Tier.parse(value), "tier", value,
                "must be one of sandbox, development, test, staging, production");
    }

    @Test
    void parse_ofNull_isRejectedAsRequired() {
        assertRejected(() -> Tier.parse(null), "tier", "null", "is required");
    }
}
