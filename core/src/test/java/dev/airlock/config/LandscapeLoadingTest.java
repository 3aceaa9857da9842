package dev.airlock.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.environment.AccountId;
import dev.airlock.environment.Environment;
import dev.airlock.environment.Landscape;
import dev.airlock.environment.PromotionGraph.Edge;
import dev.airlock.environment.Region;
import dev.airlock.environment.RoleArn;
import dev.airlock.environment.Tier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Loading a configuration file: one failing sample per invariant and per kind of malformed input,
 * each pinned to the line and column a user has to fix.
 */
class LandscapeLoadingTest {

    private static Path landscape(String name) {
        URL url = LandscapeLoadingTest.class.getResource("/landscapes/" + name);
        assertNotNull(url, "test resource landscapes/" + name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads a file that must be rejected; every problem names the file, and the message lists them all. */
    private static List<Problem> problemsIn(String name) {
        Path file = landscape(name);
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> AirlockConfiguration.load(file));
        for (Problem problem : e.problems()) {
            assertEquals(file.toString(), problem.source(), problem::toString);
        }
        assertEquals(e.problems().stream().map(Problem::toString).collect(Collectors.joining("\n")), e.getMessage());
        return e.problems();
    }

    private static Problem onlyProblemIn(String name) {
        List<Problem> problems = problemsIn(name);
        assertEquals(1, problems.size(), problems::toString);
        return problems.get(0);
    }

    private static void assertProblem(Problem problem, int line, int column, String fragment) {
        assertTrue(problem.message().contains(fragment),
                () -> "'" + problem.message() + "' should contain '" + fragment + "'");
        assertEquals(line + ":" + column, problem.line() + ":" + problem.column(), problem::toString);
        assertEquals(problem.source() + ":" + line + ":" + column + ": " + problem.message(), problem.toString());
    }

    @Test
    void load_validYaml_readsEveryPart() {
        AirlockConfiguration configuration = AirlockConfiguration.load(landscape("valid.yaml"));
        Landscape landscape = configuration.landscape();

        assertEquals(AccountId.of("111111111111"), landscape.accounts().tooling());
        assertEquals(AccountId.of("999999999999"), landscape.accounts().security());
        assertEquals(Optional.of(AccountId.of("888888888888")), landscape.accounts().logArchiveAccount());
        assertEquals(new Environment("dev", AccountId.of("012345678901"), List.of(Region.of("eu-central-1")),
                Tier.DEVELOPMENT, RoleArn.parse("arn:aws:iam::012345678901:role/airlock-deploy"),
                List.of("team-payments"), Map.of("cost-center", "4711")), landscape.require("dev"));
        assertEquals(List.of(Region.of("eu-central-1")), landscape.require("test").regions(),
                "a single region may be written without a list");
        assertEquals("/ci/", landscape.require("test").deployRole().path());
        assertEquals(List.of(Region.of("eu-central-1"), Region.of("eu-west-1")), landscape.require("prod-eu").regions());
        assertEquals(List.of("team-payments", "sre"), landscape.require("prod-eu").owners());
        assertEquals(List.of("dev", "test", "staging", "prod-eu", "prod-us"),
                landscape.environments().stream().map(Environment::name).toList());
        assertEquals(List.of("dev"), landscape.graph().entries());
        assertEquals(List.of(new Edge("dev", "test"), new Edge("test", "staging"), new Edge("staging", "prod-eu"),
                new Edge("staging", "prod-us")), landscape.graph().edges());
        assertEquals(Map.of("release-managers", List.of("alice", "bob"), "sre", List.of("carol")),
                configuration.groups());
    }

    @Test
    void load_validJson_readsTheSameModel() {
        Landscape landscape = AirlockConfiguration.load(landscape("valid.json")).landscape();

        assertEquals(Landscape.builder().tooling("111111111111").security("999999999999")
                .environment(Environment.builder("dev").account("222222222222").tier(Tier.DEVELOPMENT).build())
                .environment(Environment.builder("prod").account("333333333333").tier(Tier.PRODUCTION)
                        .deployRole("arn:aws-us-gov:iam::333333333333:role/airlock-deploy").build())
                .edge("dev", "prod").build(), landscape);
        assertEquals(List.of("dev"), landscape.graph().entries(), "without pipeline.entry, stages nothing feeds");
    }

    @Test
    void load_sharedAccount_pointsAtTheSecondUse() {
        assertProblem(onlyProblemIn("shared-account.yaml"), 12, 14,
                "account 222222222222 already belongs to environment 'dev'; each environment needs its own account");
    }

    @Test
    void load_specialAccountsAsEnvironmentAccounts_reportsEachOne() {
        List<Problem> problems = problemsIn("special-account-reused.yaml");

        assertEquals(3, problems.size(), problems::toString);
        assertProblem(problems.get(0), 8, 14,
                "account 111111111111 is the tooling account; special accounts never host environments");
        assertProblem(problems.get(1), 13, 14, "account 999999999999 is the security account");
        assertProblem(problems.get(2), 18, 14, "account 888888888888 is the logArchive account");
    }

    @Test
    void load_specialAccountsThatOverlap_isRejected() {
        List<Problem> problems = problemsIn("special-accounts-overlap.yaml");

        assertEquals(2, problems.size(), problems::toString);
        assertProblem(problems.get(0), 4, 13, "security account 111111111111 must differ from the tooling account");
        assertProblem(problems.get(1), 5, 15,
                "log archive account 111111111111 must differ from the tooling and security accounts");
    }

    @Test
    void load_deployRoleInAnotherAccount_pointsAtTheRole() {
        assertProblem(onlyProblemIn("role-in-wrong-account.yaml"), 10, 17,
                "deploy role arn:aws:iam::333333333333:role/airlock-deploy is in account 333333333333 but environment "
                        + "'dev' is in account 222222222222; the role must be in the environment's own account");
    }

    @Test
    void load_cycle_pointsAtThePromotionThatClosesIt() {
        assertProblem(onlyProblemIn("cycle.yaml"), 21, 7,
                "the promotion graph has a cycle: dev -> test -> dev; it must be acyclic");
    }

    @Test
    void load_unreachableEnvironment_pointsAtItsName() {
        assertProblem(onlyProblemIn("unreachable.yaml"), 11, 11,
                "environment 'hotfix' is not reachable from an entry stage (dev)");
    }

    @Test
    void load_promotionToLowerTier_pointsAtThePromotion() {
        assertProblem(onlyProblemIn("tier-goes-down.yaml"), 18, 7,
                "promotion staging -> dev goes down from tier staging to development; "
                        + "promotions never move to a lower tier");
    }

    @Test
    void load_duplicateEnvironmentName_pointsAtTheSecondName() {
        assertProblem(onlyProblemIn("duplicate-name.yaml"), 11, 11,
                "duplicate environment name 'dev'; names must be unique");
    }

    @Test
    void load_unknownStagesInPipeline_areReported() {
        List<Problem> problems = problemsIn("unknown-stage.yaml");

        assertEquals(2, problems.size(), problems::toString);
        assertProblem(problems.get(0), 12, 16, "unknown environment 'qa'");
        assertProblem(problems.get(1), 14, 7, "unknown environment 'prod' in dev -> prod");
    }

    @Test
    void load_unknownKeyInEnvironment_isReportedWithTheAllowedKeys() {
        List<Problem> problems = problemsIn("unknown-key.yaml");

        assertEquals(2, problems.size(), problems::toString);
        assertProblem(problems.get(0), 6, 5, "environment is missing required key 'regions'");
        assertProblem(problems.get(1), 8, 5, "unknown key 'region' in environment; allowed keys: account, deployRole, "
                + "labels, name, owners, regions, tier");
    }

    @Test
    void load_unknownKeysAtEveryLevel_areReported() {
        List<Problem> problems = problemsIn("unknown-top-level-key.yaml");

        assertEquals(2, problems.size(), problems::toString);
        assertProblem(problems.get(0), 8, 3, "unknown key 'approvals' in pipeline; allowed keys: entry, promotions");
        assertProblem(problems.get(1), 9, 1, "unknown key 'groupz' in the configuration");
    }

    @Test
    void load_regionsWrittenAsMap_isAWrongType() {
        assertProblem(onlyProblemIn("wrong-type-regions.yaml"), 9, 7,
                "environment 'dev' regions must be a list, got a map");
    }

    @Test
    void load_tierWrittenAsList_isAWrongType() {
        assertProblem(onlyProblemIn("wrong-type-tier.yaml"), 9, 11, "tier must be text, got a list");
    }

    @Test
    void load_environmentsWrittenAsJsonObject_isAWrongType() {
        assertProblem(onlyProblemIn("wrong-type-environments.json"), 4, 19, "environments must be a list, got a map");
    }

    @Test
    void load_missingRequiredKey_pointsAtTheMapThatLacksIt() {
        assertProblem(onlyProblemIn("missing-required-key.yaml"), 6, 5, "environment is missing required key 'tier'");
    }

    @Test
    void load_unsupportedVersion_isRejected() {
        assertProblem(onlyProblemIn("bad-version.yaml"), 1, 10,
                "version: '2' is not supported; this Airlock reads version 1");
    }

    @Test
    void load_duplicateKey_pointsAtTheSecondOccurrence() {
        assertProblem(onlyProblemIn("duplicate-key.yaml"), 5, 3, "duplicate key 'tooling'");
    }

    @Test
    void load_badIndentation_pointsWhereTheParserStopped() {
        assertProblem(onlyProblemIn("malformed-syntax.yaml"), 4, 4,
                "syntax error: expected <block end>, but found '<block mapping start>' "
                        + "(while parsing a block mapping started at line 3, column 3)");
    }

    @Test
    void load_unclosedQuote_saysWhereTheQuoteStarted() {
        assertProblem(onlyProblemIn("unclosed-quote.yaml"), 6, 1,
                "syntax error: found unexpected end of stream (while scanning a quoted scalar started at line 4, column 13)");
    }

    @Test
    void load_tabIndentation_namesTheTab() {
        assertProblem(onlyProblemIn("tab-indentation.yaml"), 3, 1, "Do not use \\t(TAB) for indentation");
    }

    @Test
    void load_malformedJson_pointsAtTheOffendingCharacter() {
        assertProblem(onlyProblemIn("malformed.json"), 3, 70,
                "syntax error: Unexpected character ('}' (code 125)): was expecting double-quote to start field name");
    }

    @Test
    void load_jsonBreakingAnInvariant_isLocatedLikeYaml() {
        assertProblem(onlyProblemIn("invalid.json"), 7, 33,
                "account 222222222222 already belongs to environment 'dev'");
    }

    @Test
    void load_severalMistakes_reportsThemAllInFileOrder() {
        List<Problem> problems = problemsIn("several-errors.yaml");

        assertEquals(6, problems.size(), problems::toString);
        assertProblem(problems.get(0), 3, 12, "account: '11111111111' must be exactly 12 digits (leading zeros included)");
        assertProblem(problems.get(1), 6, 11,
                "name: 'Dev' must be 1-63 lowercase letters, digits or dashes, starting with a letter");
        assertProblem(problems.get(2), 8, 15, "region: 'eu-middle-1' must be an AWS region code like 'eu-central-1'");
        assertProblem(problems.get(3), 9, 11,
                "tier: 'dev' must be one of sandbox, development, test, staging, production");
        assertProblem(problems.get(4), 10, 17, "role: 'arn:aws:iam::222222222222:user/airlock-deploy' must look like "
                + "arn:aws:iam::123456789012:role/optional/path/name");
        assertProblem(problems.get(5), 11, 5, "unknown key 'color' in environment");
    }

    @Test
    void load_missingFile_isAProblemWithoutPosition() {
        Path missing = landscape("valid.yaml").resolveSibling("no-such-file.yaml");

        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> AirlockConfiguration.load(missing));

        assertEquals(missing + ": file not found", e.getMessage());
    }

    @Test
    void parse_namesTheGivenSourceInProblems() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> AirlockConfiguration.parse("inline.yaml", "version: 1\n", false));

        assertEquals("""
                inline.yaml:1:1: the configuration is missing required key 'accounts'
                inline.yaml:1:1: the configuration is missing required key 'environments'
                inline.yaml:1:1: the configuration is missing required key 'pipeline'""", e.getMessage());
    }

    @Test
    void parse_emptyDocument_isRejected() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> AirlockConfiguration.parse("empty.yaml", "", false));

        assertEquals("empty.yaml:1:1: the document is empty", e.getMessage());
    }

    @Test
    void parse_documentThatIsNotAMap_isRejected() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> AirlockConfiguration.parse("list.json", "[1, 2]", true));

        assertEquals("list.json:1:1: the configuration must be a map, got a list", e.getMessage());
    }

    @Test
    void parse_secondYamlDocument_isRejected() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> AirlockConfiguration.parse("two.yaml", "version: 1\n---\nversion: 1\n", false));

        assertEquals("two.yaml:3:1: unexpected content after the document", e.getMessage());
    }

    @Test
    void parse_versionAsTextAndGroupsAsList_areWrongTypes() {
        String text = """
                version: "1"
                accounts: {tooling: "111111111111", security: "999999999999"}
                environments: []
                pipeline: {promotions: []}
                groups: [sre]
                """;

        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> AirlockConfiguration.parse("types.yaml", text, false));

        assertEquals("""
                types.yaml:1:10: version must be a whole number, got text
                types.yaml:5:9: groups must be a map of group name to members, got a list""", e.getMessage());
    }

    @Test
    void parse_unquotedAccountWithLeadingZero_keepsTheZero() {
        String text = """
                version: 1
                accounts: {tooling: 011111111111, security: 999999999999}
                environments: []
                pipeline: {promotions: []}
                """;

        assertEquals(AccountId.of("011111111111"),
                AirlockConfiguration.parse("zeros.yaml", text, false).landscape().accounts().tooling());
    }
}
