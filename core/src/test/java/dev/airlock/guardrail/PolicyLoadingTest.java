package dev.airlock.guardrail;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.airlock.config.AirlockConfiguration;
import dev.airlock.config.InvalidConfigurationException;
import dev.airlock.config.Problem;
import dev.airlock.guardrail.policy.Attachment;
import dev.airlock.guardrail.policy.Rule;
import dev.airlock.guardrail.policy.Schedule;
import dev.airlock.guardrail.policy.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Loading policies from a configuration file: every kind of mistake is reported with its message,
 * line and column, all at once, never as a stack trace. Each test writes the policies first, so
 * line numbers count from the top of the text shown; the landscape follows them.
 */
class PolicyLoadingTest {
    private static final String LANDSCAPE = """

            version: 1
            accounts: {tooling: "111111111111", security: "999999999999"}
            environments:
              - {name: dev, account: "222222222222", regions: [eu-central-1], tier: development,
                 deployRole: "arn:aws:iam::222222222222:role/airlock-deploy"}
              - {name: staging, account: "444444444444", regions: [eu-central-1], tier: staging,
                 deployRole: "arn:aws:iam::444444444444:role/airlock-deploy"}
              - {name: prod-eu, account: "555555555555", regions: [eu-central-1], tier: production,
                 deployRole: "arn:aws:iam::555555555555:role/airlock-deploy"}
              - {name: prod-us, account: "666666666666", regions: [us-east-1], tier: production,
                 deployRole: "arn:aws:iam::666666666666:role/airlock-deploy"}
            pipeline:
              entry: [dev]
              promotions:
                - {from: dev, to: staging}
                - {from: staging, to: [prod-eu, prod-us]}
            groups:
              developers: [alice, dan]
              release-managers: [rita, rob]
              idp-admins: []
            """;

    private static AirlockConfiguration load(String policies) {
        return AirlockConfiguration.parse("airlock.yaml", policies + LANDSCAPE, false);
    }

    private static List<Problem> problems(String policies) {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () -> load(policies));
        return e.problems();
    }

    /** Asserts the only problem is at {@code line}, at the column where {@code token} starts, with {@code message}. */
    private static void onlyProblem(String policies, int line, String token, String message) {
        List<Problem> problems = problems(policies);
        assertEquals(1, problems.size(), () -> "expected one problem, got:\n" + problems.stream()
                .map(Problem::toString).reduce("", (a, b) -> a + b + "\n"));
        assertProblem(policies, problems.get(0), line, token, message);
    }

    private static void hasProblem(String policies, List<Problem> problems, int line, String token, String message) {
        Problem found = problems.stream().filter(p -> p.line() == line && p.message().equals(message)).findFirst()
                .orElseGet(() -> fail("no problem at line " + line + " saying '" + message + "' among:\n"
                        + problems.stream().map(Problem::toString).reduce("", (a, b) -> a + b + "\n")));
        assertProblem(policies, found, line, token, message);
    }

    private static void assertProblem(String policies, Problem problem, int line, String token, String message) {
        String text = policies.lines().toList().get(line - 1);
        int column = text.indexOf(token) + 1;
        assertTrue(column > 0, () -> "test bug: '" + token + "' is not on line " + line + ": " + text);
        assertEquals("airlock.yaml:" + line + ":" + column + ": " + message, problem.toString());
    }

    @Test
    void validPolicies_load() {
        AirlockConfiguration configuration = load("""
                environmentGroups:
                  prod: [prod-eu, prod-us]
                policies:
                  - id: base
                    version: 1.10
                    attach: organization
                    statements:
                      - {id: everyone, kind: permission, groups: [developers, release-managers]}
                  - id: production
                    version: "2025-03"
                    attach: {group: prod}
                    statements:
                      - {id: approvals, kind: approvals, count: 2, from: [release-managers], expiresAfter: 1d12h}
                      - {id: night, kind: window, zone: Europe/Berlin, days: [mon-thu, sat], from: 22:00, to: 06:00}
                """);

        var documents = configuration.policies().documents();
        assertEquals(List.of("base", "production"), documents.stream().map(d -> d.id()).toList());
        assertEquals("1.10", documents.get(0).version());
        assertEquals(Attachment.group("prod"), documents.get(1).attach());
        assertEquals(Statement.of("approvals", new Rule.Approvals(2, List.of("release-managers"),
                Duration.ofHours(36), false)), documents.get(1).statements().get(0));
        assertEquals(new Rule.Window(Schedule.weekly(ZoneId.of("Europe/Berlin"), Set.of(DayOfWeek.MONDAY,
                DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.SATURDAY),
                LocalTime.of(22, 0), LocalTime.of(6, 0))), documents.get(1).statements().get(1).rule());
        assertEquals("base@1.10,production@2025-03", configuration.guardrails().approvalPolicyVersion("prod-us"));
        assertEquals("base@1.10", configuration.guardrails().approvalPolicyVersion("dev"));
    }

    @Test
    void theDocumentedExample_loads() {
        assertEquals(4, Fixtures.CONFIGURATION.policies().documents().size());
        assertEquals(List.of("prod-eu", "prod-us"), Fixtures.CONFIGURATION.policies().environmentGroups().get("prod"));
    }

    @Test
    void unknownKey_inAPolicy_isReported() {
        String policies = """
                policies:
                  - id: base
                    version: 1
                    attach: organization
                    statement: []
                    statements: []
                """;
        onlyProblem(policies, 5, "statement:",
                "unknown key 'statement' in policy; allowed keys: attach, id, statements, version");
    }

    @Test
    void unknownKey_inAStatement_isReportedWithTheKeysItsKindAllows() {
        String policies = """
                policies:
                  - id: base
                    version: 1
                    attach: organization
                    statements:
                      - id: two-approvals
                        kind: approvals
                        counts: 2
                """;
        List<Problem> problems = problems(policies);
        hasProblem(policies, problems, 8, "counts", "unknown key 'counts' in statement 'two-approvals'; allowed keys:"
                + " breakGlass, bypassable, count, effect, expiresAfter, from, id, kind, rollbacks, when");
        hasProblem(policies, problems, 6, "id: two", "statement 'two-approvals' is missing required key 'count'");
        assertEquals(2, problems.size());
    }

    @Test
    void unknownKind_isReported() {
        onlyProblem("""
                policies:
                  - id: base
                    version: 1
                    attach: organization
                    statements:
                      - {id: soak, kind: sok, duration: 24h}
                """, 6, "sok", "unknown statement kind 'sok'; kinds: allowed-principals, allowed-regions, approvals,"
                + " condition, freeze, gate, immutable-repository, max-age, no-skipping, permission, provenance, soak, stop, window");
    }

    @Test
    void missingRequiredKeys_areReported() {
        String policies = """
                policies:
                  - id: base
                    attach: organization
                    statements:
                      - {kind: stop}
                """;
        List<Problem> problems = problems(policies);
        hasProblem(policies, problems, 2, "id: base", "policy is missing required key 'version'");
        hasProblem(policies, problems, 5, "{kind", "statement is missing required key 'id'");
        assertEquals(2, problems.size());
    }

    @Test
    void wrongTypes_areReported() {
        String policies = """
                policies:
                  - id: base
                    version: 1
                    attach: [organization]
                    statements:
                      - {id: a, kind: approvals, count: two}
                      - {id: b, kind: soak, duration: 24h, bypassable: "yes"}
                      - {id: c, kind: permission, groups: {developers: true}}
                  - id: other
                    version: 1
                    attach: organization
                    statements: {}
                """;
        List<Problem> problems = problems(policies);
        hasProblem(policies, problems, 4, "[organization]",
                "policy 'base' attach must be organization or a map with one of tier, group, environment, got a list");
        hasProblem(policies, problems, 6, "two", "statement 'a' count must be a whole number, got text");
        hasProblem(policies, problems, 7, "\"yes\"", "statement 'b' bypassable must be true or false, got text");
        hasProblem(policies, problems, 8, "{developers", "statement 'c' groups must be a list, got a map");
        hasProblem(policies, problems, 12, "{}", "policy 'other' statements must be a list, got a map");
        assertEquals(5, problems.size());
    }

    @Test
    void policiesThatAreNotAList_areReported() {
        onlyProblem("""
                policies:
                  base: {}
                """, 2, "base", "policies must be a list, got a map");
    }

    @Test
    void unknownEnvironment_inAnAttachment_isReported() {
        onlyProblem("""
                policies:
                  - id: asia
                    version: 1
                    attach: {environment: prod-ap}
                    statements: []
                """, 4, "{environment", "attached to unknown environment 'prod-ap'; known environments: dev, prod-eu,"
                + " prod-us, staging");
    }

    @Test
    void unknownTier_inAnAttachment_isReported() {
        onlyProblem("""
                policies:
                  - id: prod
                    version: 1
                    attach: {tier: prod}
                    statements: []
                """, 4, "prod}", "tier: 'prod' must be one of sandbox, development, test, staging, production");
    }

    @Test
    void unknownEnvironmentGroup_inAnAttachment_isReported() {
        onlyProblem("""
                environmentGroups:
                  prod: [prod-eu, prod-us]
                policies:
                  - id: prod
                    version: 1
                    attach: {group: production}
                    statements: []
                """, 6, "{group", "attached to unknown environment group 'production'; declared groups: prod");
    }

    @Test
    void unknownEnvironment_inAnEnvironmentGroup_isReported() {
        onlyProblem("""
                environmentGroups:
                  prod: [prod-eu, prod-ap]
                """, 2, "prod-ap", "environment group 'prod' names unknown environment 'prod-ap'; known environments:"
                + " dev, prod-eu, prod-us, staging");
    }

    @Test
    void unknownPeopleGroup_isReported() {
        onlyProblem("""
                policies:
                  - id: base
                    version: 1
                    attach: organization
                    statements:
                      - {id: approvals, kind: approvals, count: 1, from: [release-manager]}
                """, 6, "[release-manager]", "unknown group 'release-manager'; declare it under groups (an empty member"
                + " list takes members from the principals' own groups); declared groups: developers, idp-admins,"
                + " release-managers");
    }

    @Test
    void negativeDuration_isReported() {
        onlyProblem("""
                policies:
                  - id: base
                    version: 1
                    attach: organization
                    statements:
                      - {id: soak, kind: soak, duration: -1h}
                """, 6, "-1h", "statement 'soak' duration: '-1h' must be a positive duration; zero and negative"
                .replace("statement 'soak' ", "") + " durations are impossible");
    }

    @Test
    void zeroAndMalformedDurations_areReported() {
        String policies = """
                policies:
                  - id: base
                    version: 1
                    attach: organization
                    statements:
                      - {id: soak, kind: soak, duration: 24 hours}
                      - {id: approvals, kind: approvals, count: 1, expiresAfter: 0m}
                """;
        List<Problem> problems = problems(policies);
        hasProblem(policies, problems, 6, "24 hours",
                "duration: '24 hours' must be a positive duration such as 90s, 30m, 24h, 7d, 1d12h or PT1H30M");
        hasProblem(policies, problems, 7, "0m",
                "expiresAfter: '0m' must be a positive duration; zero and negative durations are impossible");
    }

    @Test
    void moreApprovalsThanEligiblePeople_isReported() {
        onlyProblem("""
                policies:
                  - id: base
                    version: 1
                    attach: organization
                    statements:
                      - {id: approvals, kind: approvals, count: 3, from: [release-managers]}
                """, 6, "3,", "count: 3 approvals can never be met: group release-managers has only 2 members (rita, rob)");
    }

    /** Such a group takes its members from the principals, so loading cannot hold the count against it. */
    @Test
    void approvalsFromAGroupWithoutListedMembers_areNotCounted() {
        AirlockConfiguration configuration = assertDoesNotThrow(() -> load("""
                policies:
                  - id: base
                    version: 1
                    attach: organization
                    statements:
                      - {id: approvals, kind: approvals, count: 5, from: [idp-admins]}
                """));

        assertEquals(Statement.of("approvals", Rule.Approvals.of(5, "idp-admins")),
                configuration.policies().documents().get(0).statements().get(0));
    }

    @Test
    void approvalCountBelowOne_isReported() {
        onlyProblem("""
                policies:
                  - id: base
                    version: 1
                    attach: organization
                    statements:
                      - {id: approvals, kind: approvals, count: 0}
                """, 6, "0}", "count: '0' must be at least 1");
    }

    @Test
    void malformedRecurrence_isReported() {
        String policies = """
                policies:
                  - id: base
                    version: 1
                    attach: organization
                    statements:
                      - {id: w1, kind: window, zone: UTC, days: [mon, funday], from: "09:00", to: "17:00"}
                      - {id: w2, kind: window, zone: UTC, from: "25:00", to: "17:00"}
                      - {id: w3, kind: freeze, zone: UTC, from: "09:00"}
                      - {id: w4, kind: freeze, zone: UTC, days: [fri], start: 2025-12-20, end: 2026-01-05}
                      - {id: w5, kind: freeze, zone: UTC, start: 2026-01-05, end: 2025-12-20}
                """;
        List<Problem> problems = problems(policies);
        hasProblem(policies, problems, 6, "funday",
                "days: 'funday' must be a day such as mon or monday, or a range such as mon-fri");
        hasProblem(policies, problems, 7, "\"25:00\"", "from: '25:00' must be a time from 00:00 to 23:59, written HH:MM");
        hasProblem(policies, problems, 8, "{id: w3", "statement 'w3' is missing required key 'to'");
        hasProblem(policies, problems, 9, "{id: w4",
                "statement 'w4' must have either start and end (once) or days, from and to (weekly), not both");
        hasProblem(policies, problems, 10, "2025-12-20}", "end: '2025-12-20T00:00' must be after start 2026-01-05T00:00");
        assertEquals(5, problems.size());
    }

    @Test
    void malformedTimeZone_isReported() {
        onlyProblem("""
                policies:
                  - id: base
                    version: 1
                    attach: organization
                    statements:
                      - {id: w, kind: window, zone: Europe/Berlln, from: "09:00", to: "17:00"}
                """, 6, "Europe/Berlln",
                "zone: 'Europe/Berlln' must be a time zone such as Europe/Berlin, America/New_York or UTC");
    }

    @Test
    void duplicateStatementId_acrossPolicies_isReported() {
        onlyProblem("""
                policies:
                  - id: base
                    version: 1
                    attach: organization
                    statements:
                      - {id: stop, kind: stop, engaged: false}
                  - id: prod
                    version: 1
                    attach: {tier: production}
                    statements:
                      - {id: stop, kind: stop, engaged: false}
                """, 11, "stop,", "duplicate statement id 'stop' (also in policy 'base'); statement ids must be unique"
                + " across the configuration");
    }

    @Test
    void duplicatePolicyId_isReported() {
        onlyProblem("""
                policies:
                  - {id: base, version: 1, attach: organization, statements: []}
                  - {id: base, version: 2, attach: organization, statements: []}
                """, 3, "base", "duplicate policy id 'base'; ids must be unique");
    }

    @Test
    void bypassableStopSwitchOrProvenance_isReported() {
        String policies = """
                policies:
                  - id: base
                    version: 1
                    attach: organization
                    statements:
                      - {id: stop, kind: stop, bypassable: true}
                      - {id: builds, kind: provenance, builders: [ci], bypassable: true}
                """;
        List<Problem> problems = problems(policies);
        hasProblem(policies, problems, 6, "true}",
                "bypassable: 'true' is not possible: break-glass never bypasses a stop statement");
        hasProblem(policies, problems, 7, "true}",
                "bypassable: 'true' is not possible: break-glass never bypasses a provenance statement");
    }

    @Test
    void noSkippingSwitchedOffBelowTheOrganization_isReported() {
        onlyProblem("""
                policies:
                  - id: dev
                    version: 1
                    attach: {environment: dev}
                    statements:
                      - {id: skip-ok, kind: no-skipping, enabled: false}
                """, 6, "false", "no skipping stages can be switched off only at the organization level, not at"
                + " environment:dev; a lower level may only add guardrails");
    }

    @Test
    void malformedConditions_areReported() {
        String policies = """
                policies:
                  - id: base
                    version: 1
                    attach: organization
                    statements:
                      - id: tickets
                        kind: condition
                        effect: require
                        conditions:
                          - {attribute: ticket, glob: "CHG-*"}
                          - {attribute: attributes.ticket, glob: "CHG-*", equals: CHG-1}
                          - {attribute: attributes.ticket}
                          - {attribute: now, before: tomorrow}
                """;
        List<Problem> problems = problems(policies);
        hasProblem(policies, problems, 10, "ticket,", "attribute: 'ticket' must be a built-in attribute (artifact.buildId,"
                + " artifact.builder, artifact.builtAt, artifact.digest, artifact.kind, artifact.name, artifact.repository,"
                + " artifact.revision, artifact.version, breakGlass, now, principal, rollback, source, target, target.account,"
                + " target.digest, target.tier) or a request attribute written attributes.NAME");
        hasProblem(policies, problems, 11, "equals", "a condition in statement 'tickets' conditions needs exactly one of"
                + " equals, notEquals, in, glob, before, after; it has glob, equals");
        hasProblem(policies, problems, 12, "{attribute", "a condition in statement 'tickets' conditions needs exactly one"
                + " of equals, notEquals, in, glob, before, after; it has none");
        hasProblem(policies, problems, 13, "tomorrow", "before: 'tomorrow' must be an instant with an offset, such as"
                + " 2026-01-05T00:00:00Z or 2026-01-05T01:00:00+01:00");
        assertEquals(4, problems.size());
    }

    @Test
    void effectThatContradictsTheKind_isReported() {
        onlyProblem("""
                policies:
                  - id: base
                    version: 1
                    attach: organization
                    statements:
                      - {id: soak, kind: soak, duration: 1h, effect: deny}
                """, 6, "deny", "statement 'soak' effect: 'deny' is not possible: a soak statement always has effect require");
    }

    @Test
    void unknownSoakStage_andRegion_andRollbacksValue_areReported() {
        String policies = """
                policies:
                  - id: base
                    version: 1
                    attach: organization
                    statements:
                      - {id: soak, kind: soak, duration: 1h, stage: stagin}
                      - {id: regions, kind: allowed-regions, regions: [eu-*, mars-north-1]}
                      - {id: stop, kind: stop, engaged: false, rollbacks: sometimes}
                """;
        List<Problem> problems = problems(policies);
        hasProblem(policies, problems, 6, "stagin", "soak stage 'stagin' is not an environment; known environments: dev,"
                + " prod-eu, prod-us, staging");
        hasProblem(policies, problems, 7, "mars", "region: 'mars-north-1' must be an AWS region code like 'eu-central-1'"
                + " (lowercase area-direction-number)");
        hasProblem(policies, problems, 8, "sometimes", "rollbacks: 'sometimes' must be one of include, exclude, only");
        assertEquals(3, problems.size());
    }

    @Test
    void severalProblems_areAllReportedInFileOrder() {
        String policies = """
                policies:
                  - id: base
                    version: 1
                    attach: organization
                    statements:
                      - {id: stop, kind: stop, engaged: maybe}
                      - {id: soak, kind: soak, duration: forever}
                      - {id: age, kind: max-age, maxAge: 30 days}
                """;
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () -> load(policies));

        assertEquals(List.of(6, 7, 8), e.problems().stream().map(Problem::line).toList());
        assertEquals(3, e.getMessage().lines().count());
        assertTrue(e.getMessage().startsWith("airlock.yaml:6:"), e.getMessage());
    }

    @Test
    void problemsInJson_carryJsonLinesAndColumns() {
        String json = """
                {"version": 1,
                 "accounts": {"tooling": "111111111111", "security": "999999999999"},
                 "environments": [{"name": "dev", "account": "222222222222", "regions": ["eu-central-1"],
                   "tier": "development", "deployRole": "arn:aws:iam::222222222222:role/airlock-deploy"}],
                 "pipeline": {"promotions": []},
                 "policies": [{"id": "base", "version": "1", "attach": "organization",
                   "statements": [{"id": "soak", "kind": "soak", "duration": "-5m"}]}]}
                """;
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> AirlockConfiguration.parse("airlock.json", json, true));

        int column = json.lines().toList().get(6).indexOf("\"-5m\"") + 1;
        assertEquals(List.of("airlock.json:7:" + column + ": duration: '-5m' must be a positive duration; zero and"
                + " negative durations are impossible"), e.problems().stream().map(Problem::toString).toList());
    }
}
