package dev.airlock.environment;

import static dev.airlock.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvironmentTest {
    private static final AccountId ACCOUNT = AccountId.of("222222222222");
    private static final RoleArn ROLE = RoleArn.parse("arn:aws:iam::222222222222:role/airlock-deploy");
    private static final List<Region> REGIONS = List.of(Region.of("eu-central-1"));
    private static final String NAME_RULE = "must be 1-63 lowercase letters, digits or dashes, starting with a letter";

    private static Environment environment(String name) {
        return new Environment(name, ACCOUNT, REGIONS, Tier.STAGING, ROLE, List.of("sre"), Map.of("team", "payments"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod-eu", "a", "stage2", "p-", "x23456789012345678901234567890123456789012345678901234567890123"})
    void name_withinTheRules_isAccepted(String name) {
        assertEquals(name, environment(name).name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Dev", "prod_eu", "2prod", "-dev", "prod eu", "prod.eu", "prød",
            "x234567890123456789012345678901234567890123456789012345678901234"})
    void name_breakingTheRules_isRejected(String name) {
        assertRejected(() -> environment(name), "name", name, NAME_RULE);
    }

    @Test
    void regions_empty_isRejected() {
        assertRejected(() -> new Environment("dev", ACCOUNT, List.of(), Tier.DEVELOPMENT, ROLE, List.of(), Map.of()),
                "regions", "[]", "must name at least one region");
    }

    @Test
    void requiredParts_whenNull_areRejectedByName() {
        assertRejected(() -> new Environment(null, ACCOUNT, REGIONS, Tier.TEST, ROLE, List.of(), Map.of()),
                "name", "null", "is required");
        assertRejected(() -> new Environment("dev", null, REGIONS, Tier.TEST, ROLE, List.of(), Map.of()),
                "account", "null", "is required");
        assertRejected(() -> new Environment("dev", ACCOUNT, null, Tier.TEST, ROLE, List.of(), Map.of()),
                "regions", "null", "is required");
        assertRejected(() -> new Environment("dev", ACCOUNT, REGIONS, null, ROLE, List.of(), Map.of()),
                "tier", "null", "is required");
        assertRejected(() -> new Environment("dev", ACCOUNT, REGIONS, Tier.TEST, null, List.of(), Map.of()),
                "deployRole", "null", "is required");
    }

    @Test
    void collections_areCopiedAndUnmodifiable() {
        List<Region> regions = new ArrayList<>(REGIONS);
        List<String> owners = new ArrayList<>(List.of("sre"));
        Map<String, String> labels = new HashMap<>(Map.of("team", "payments"));
        Environment environment = new Environment("dev", ACCOUNT, regions, Tier.TEST, ROLE, owners, labels);

        regions.add(Region.of("us-east-1"));
        owners.add("intruder");
        labels.put("team", "other");

        assertEquals(REGIONS, environment.regions());
        assertEquals(List.of("sre"), environment.owners());
        assertEquals(Map.of("team", "payments"), environment.labels());
        assertThrows(UnsupportedOperationException.class, () -> environment.regions().add(Region.of("us-east-1")));
        assertThrows(UnsupportedOperationException.class, () -> environment.owners().add("x"));
        assertThrows(UnsupportedOperationException.class, () -> environment.labels().put("x", "y"));
    }

    @Test
    void builder_defaultsTheDeployRoleToAirlockDeployInTheSameAccount() {
        Environment environment = Environment.builder("dev").account("012345678901").build();

        assertEquals(RoleArn.parse("arn:aws:iam::012345678901:role/airlock-deploy"), environment.deployRole());
        assertEquals(List.of(Region.of("eu-central-1")), environment.regions());
        assertEquals(Tier.DEVELOPMENT, environment.tier());
        assertEquals(List.of(), environment.owners());
        assertEquals(Map.of(), environment.labels());
    }

    @Test
    void builder_setsEveryField() {
        Environment environment = Environment.builder("prod").account("333333333333").regions("eu-west-1", "us-east-1")
                .tier(Tier.PRODUCTION).deployRole("arn:aws:iam::333333333333:role/deploy/prod").owners("sre", "payments")
                .labels(Map.of("pci", "true")).build();

        assertEquals(new Environment("prod", AccountId.of("333333333333"),
                List.of(Region.of("eu-west-1"), Region.of("us-east-1")), Tier.PRODUCTION,
                RoleArn.parse("arn:aws:iam::333333333333:role/deploy/prod"), List.of("sre", "payments"),
                Map.of("pci", "true")), environment);
    }

    @Test
    void builder_withoutAccount_isRejected() {
        assertRejected(() -> Environment.builder("dev").build(), "account", "null", "is required");
    }

    @Test
    void equality_coversEveryField() {
        Environment environment = environment("dev");

        assertEquals(environment, environment("dev"));
        assertEquals(environment.hashCode(), environment("dev").hashCode());
        assertNotEquals(environment, environment("test"));
        assertNotEquals(environment, new Environment("dev", AccountId.of("333333333333"), REGIONS, Tier.STAGING,
                RoleArn.parse("arn:aws:iam::333333333333:role/airlock-deploy"), List.of("sre"), Map.of("team", "payments")));
        assertNotEquals(environment, new Environment("dev", ACCOUNT, List.of(Region.of("eu-west-1")), Tier.STAGING,
                ROLE, List.of("sre"), Map.of("team", "payments")));
        assertNotEquals(environment, new Environment("dev", ACCOUNT, REGIONS, Tier.PRODUCTION, ROLE, List.of("sre"),
                Map.of("team", "payments")));
        assertNotEquals(environment, new Environment("dev", ACCOUNT, REGIONS, Tier.STAGING,
                RoleArn.parse("arn:aws:iam::222222222222:role/other"), List.of("sre"), Map.of("team", "payments")));
        assertNotEquals(environment, new Environment("dev", ACCOUNT, REGIONS, Tier.STAGING, ROLE, List.of(),
                Map.of("team", "payments")));
        assertNotEquals(environment, new Environment("dev", ACCOUNT, REGIONS, Tier.STAGING, ROLE, List.of("sre"),
                Map.of("team", "checkout")));
    }
}
