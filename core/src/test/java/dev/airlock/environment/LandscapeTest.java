package dev.airlock.environment;

import static dev.airlock.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.config.InvalidConfigurationException;
import dev.airlock.config.Problem;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The landscape built in code: the same invariants as a loaded file, reported without a location. */
class LandscapeTest {

    private static Environment env(String name, String account, Tier tier) {
        return Environment.builder(name).account(account).tier(tier).build();
    }

    private static Landscape.Builder base() {
        return Landscape.builder().tooling("111111111111").security("999999999999");
    }

    /** The messages of every problem, asserting each is unlocated and prints as {@code <landscape>: message}. */
    private static List<String> problems(Landscape.Builder builder) {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, builder::build);
        for (Problem problem : e.problems()) {
            assertEquals(0, problem.line(), problem::toString);
            assertEquals(0, problem.column(), problem::toString);
            assertEquals("<landscape>: " + problem.message(), problem.toString());
        }
        return e.problems().stream().map(Problem::message).toList();
    }

    private static Landscape sample() {
        return sample(b -> b);
    }

    private static Landscape sample(UnaryOperator<Landscape.Builder> change) {
        return change.apply(base().logArchive("888888888888")
                .environment(env("dev", "012345678901", Tier.DEVELOPMENT))
                .environment(env("staging", "333333333333", Tier.STAGING))
                .environment(env("prod-eu", "444444444444", Tier.PRODUCTION))
                .environment(env("prod-us", "555555555555", Tier.PRODUCTION))
                .chain("dev", "staging").edge("staging", "prod-eu", "prod-us")).build();
    }

    @Test
    void build_ofValidLandscape_keepsDeclarationOrderAndGraph() {
        Landscape landscape = sample();

        assertEquals(List.of("dev", "staging", "prod-eu", "prod-us"),
                landscape.environments().stream().map(Environment::name).toList());
        assertEquals(List.of("dev"), landscape.graph().entries());
        assertEquals(Set.of("prod-eu", "prod-us"), landscape.graph().successors("staging"));
        assertEquals(Set.of("staging"), landscape.graph().predecessors("prod-us"));
        assertEquals(Optional.of(AccountId.of("888888888888")), landscape.accounts().logArchiveAccount());
        assertEquals(AccountId.of("444444444444"), landscape.require("prod-eu").account());
    }

    @Test
    void build_withoutDeclaredEntry_takesEveryStageNothingPromotesInto() {
        Landscape landscape = base()
                .environment(env("dev", "222222222222", Tier.DEVELOPMENT))
                .environment(env("hotfix", "333333333333", Tier.DEVELOPMENT))
                .environment(env("prod", "444444444444", Tier.PRODUCTION))
                .edge("dev", "prod").edge("hotfix", "prod").build();

        assertEquals(List.of("dev", "hotfix"), landscape.graph().entries());
    }

    @Test
    void require_ofUnknownEnvironment_namesTheKnownOnes() {
        UnknownEnvironmentException e = assertThrows(UnknownEnvironmentException.class,
                () -> sample().require("prod"));

        assertEquals("prod", e.environment());
        assertEquals("unknown environment 'prod'; known environments: dev, prod-eu, prod-us, staging", e.getMessage());
    }

    @Test
    void build_withSharedAccount_isRejected() {
        assertEquals(List.of("environments[1].account: account 222222222222 already belongs to environment 'dev'; "
                        + "each environment needs its own account"),
                problems(base().environment(env("dev", "222222222222", Tier.DEVELOPMENT))
                        .environment(env("test", "222222222222", Tier.TEST)).chain("dev", "test")));
    }

    @Test
    void build_withSpecialAccountAsEnvironmentAccount_isRejected() {
        assertEquals(List.of(
                        "environments[0].account: account 111111111111 is the tooling account; special accounts never host environments",
                        "environments[1].account: account 999999999999 is the security account; special accounts never host environments",
                        "environments[2].account: account 888888888888 is the logArchive account; special accounts never host environments"),
                problems(base().logArchive("888888888888")
                        .environment(env("dev", "111111111111", Tier.DEVELOPMENT))
                        .environment(env("test", "999999999999", Tier.TEST))
                        .environment(env("prod", "888888888888", Tier.PRODUCTION)).chain("dev", "test", "prod")));
    }

    @Test
    void build_withSecurityOrLogArchiveEqualToAnotherSpecialAccount_isRejected() {
        assertEquals(List.of(
                        "accounts.security: security account 111111111111 must differ from the tooling account; "
                                + "the audit trail is kept apart from where promotions run",
                        "accounts.logArchive: log archive account 111111111111 must differ from the tooling and security accounts"),
                problems(Landscape.builder().tooling("111111111111").security("111111111111").logArchive("111111111111")));
    }

    @Test
    void build_withDeployRoleInAnotherAccount_isRejected() {
        Environment dev = Environment.builder("dev").account("222222222222")
                .deployRole("arn:aws:iam::333333333333:role/airlock-deploy").build();

        assertEquals(List.of("environments[0].deployRole: deploy role arn:aws:iam::333333333333:role/airlock-deploy is in "
                        + "account 333333333333 but environment 'dev' is in account 222222222222; "
                        + "the role must be in the environment's own account"),
                problems(base().environment(dev)));
    }

    @Test
    void build_withCycle_isRejectedNamingTheCycle() {
        assertEquals(List.of("pipeline.promotions[2]: the promotion graph has a cycle: dev -> test -> staging -> dev; "
                        + "it must be acyclic"),
                problems(base().environment(env("dev", "222222222222", Tier.TEST))
                        .environment(env("test", "333333333333", Tier.TEST))
                        .environment(env("staging", "444444444444", Tier.TEST))
                        .entry("dev").chain("dev", "test", "staging").edge("staging", "dev")));
    }

    @Test
    void build_withSelfPromotion_isRejectedAsCycle() {
        assertEquals(List.of("pipeline.promotions[0]: the promotion graph has a cycle: dev -> dev; it must be acyclic"),
                problems(base().environment(env("dev", "222222222222", Tier.TEST)).entry("dev").edge("dev", "dev")));
    }

    @Test
    void build_withUnreachableEnvironment_isRejected() {
        assertEquals(List.of("environments[1].name: environment 'hotfix' is not reachable from an entry stage (dev)"),
                problems(base().environment(env("dev", "222222222222", Tier.DEVELOPMENT))
                        .environment(env("hotfix", "333333333333", Tier.DEVELOPMENT))
                        .environment(env("prod", "444444444444", Tier.PRODUCTION))
                        .chain("dev", "prod")));
    }

    @Test
    void build_withPromotionToLowerTier_isRejected() {
        assertEquals(List.of("pipeline.promotions[0]: promotion staging -> dev goes down from tier staging to development; "
                        + "promotions never move to a lower tier"),
                problems(base().environment(env("staging", "222222222222", Tier.STAGING))
                        .environment(env("dev", "333333333333", Tier.DEVELOPMENT)).chain("staging", "dev")));
    }

    @Test
    void build_withDuplicateName_isRejected() {
        assertEquals(List.of("environments[1].name: duplicate environment name 'dev'; names must be unique"),
                problems(base().environment(env("dev", "222222222222", Tier.DEVELOPMENT))
                        .environment(env("dev", "333333333333", Tier.DEVELOPMENT))));
    }

    @Test
    void build_withUnknownStageOrEntry_isRejected() {
        assertEquals(List.of("pipeline.entry[0]: unknown environment 'qa'",
                        "pipeline.promotions[0]: unknown environment 'prod' in dev -> prod"),
                problems(base().environment(env("dev", "222222222222", Tier.DEVELOPMENT)).entry("qa").edge("dev", "prod")));
    }

    @Test
    void build_withDuplicatePromotion_isRejected() {
        assertEquals(List.of("pipeline.promotions[1]: duplicate promotion dev -> prod"),
                problems(base().environment(env("dev", "222222222222", Tier.DEVELOPMENT))
                        .environment(env("prod", "333333333333", Tier.PRODUCTION)).edge("dev", "prod").edge("dev", "prod")));
    }

    @Test
    void build_withSeveralViolations_reportsThemAll() {
        List<String> problems = problems(base()
                .environment(env("dev", "111111111111", Tier.STAGING))
                .environment(env("test", "111111111111", Tier.DEVELOPMENT)).chain("dev", "test"));

        assertEquals(4, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("is the tooling account"));
        assertTrue(problems.get(1).contains("is the tooling account"));
        assertTrue(problems.get(2).contains("already belongs to environment 'dev'"));
        assertTrue(problems.get(3).contains("goes down from tier staging to development"));
    }

    @Test
    void build_withoutToolingOrSecurity_isRejectedNamingTheField() {
        assertRejected(() -> Landscape.builder().security("999999999999").build(), "tooling", "null", "is required");
        assertRejected(() -> Landscape.builder().tooling("111111111111").build(), "security", "null", "is required");
    }

    @Test
    void equality_comparesAccountsEnvironmentsAndGraph() {
        Landscape landscape = sample();

        assertEquals(landscape, sample());
        assertEquals(landscape.hashCode(), sample().hashCode());
        assertNotEquals(landscape, sample(b -> b.logArchive(null)));
        assertNotEquals(landscape, sample(b -> b.tooling("111111111112")));
        assertNotEquals(landscape, sample(b -> b.security("999999999998")));
        assertNotEquals(landscape, sample(b -> b.environment(env("prod-ap", "666666666666", Tier.PRODUCTION))
                .edge("staging", "prod-ap")));
        assertNotEquals(landscape, sample(b -> b.entry("staging")));
        assertNotEquals(landscape, sample(b -> b.edge("dev", "prod-eu")));
    }

    @Test
    void equality_seesEveryEnvironmentField() {
        Landscape plain = base().environment(env("dev", "222222222222", Tier.DEVELOPMENT)).build();
        Landscape owned = base().environment(Environment.builder("dev").account("222222222222").tier(Tier.DEVELOPMENT)
                .owners("sre").build()).build();
        Landscape labelled = base().environment(Environment.builder("dev").account("222222222222")
                .tier(Tier.DEVELOPMENT).labels(Map.of("pci", "true")).build()).build();

        assertNotEquals(plain, owned);
        assertNotEquals(plain, labelled);
        assertNotEquals(owned, labelled);
    }

    @Test
    void equality_ofDeclaredEntryEqualsTheDefaultItStandsFor() {
        Landscape declared = base().environment(env("dev", "222222222222", Tier.DEVELOPMENT)).entry("dev").build();
        Landscape implied = base().environment(env("dev", "222222222222", Tier.DEVELOPMENT)).build();

        assertEquals(declared, implied);
    }
}
