package dev.airlock.environment;

import static dev.airlock.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegionTest {
    private static final String RULE = "must be an AWS region code like 'eu-central-1'";

    @ParameterizedTest
    @ValueSource(strings = {"eu-central-1", "us-east-1", "us-west-2", "ap-southeast-2", "ap-northeast-3",
            "sa-east-1", "ca-west-1", "me-south-1", "il-central-1", "af-south-1", "eu-north-1",
            "us-gov-west-1", "us-gov-east-1", "cn-north-1", "cn-northwest-1", "us-iso-east-1", "us-isob-east-1"})
    void of_withRealRegionCode_keepsIt(String value) {
        Region region = Region.of(value);

        assertEquals(value, region.value());
        assertEquals(value, region.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "eu", "eu-central", "eu-central-", "eucentral-1", "eu-middle-1", "EU-central-1",
            "eu-Central-1", "eu_central_1", "eu-central-123", " eu-central-1", "eu-central-1 ", "europe-central-1",
            "e-central-1", "eu-central-1a", "us-gov-west", "cn-north-x"})
    void of_withMalformedCode_isRejected(String value) {
        assertRejected(() -> Region.of(value), "region", value, RULE);
    }

    @Test
    void of_withNull_isRejectedAsRequired() {
        assertRejected(() -> Region.of(null), "region", "null", "is required");
    }

    @Test
    void equality_isByValue() {
        assertEquals(Region.of("eu-west-1"), new Region("eu-west-1"));
        assertEquals(Region.of("eu-west-1").hashCode(), new Region("eu-west-1").hashCode());
        assertNotEquals(Region.of("eu-west-1"), Region.of("eu-west-2"));
    }
}
