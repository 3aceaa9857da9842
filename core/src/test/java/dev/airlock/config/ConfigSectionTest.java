package dev.airlock.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.environment.RoleArn;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading a located section as a module core does not know would: every problem has its place. */
class ConfigSectionTest {
    private static final String FILE = """
            version: 1
            accounts: {tooling: "111111111111", security: "999999999999"}
            environments:
              - {name: dev, account: "222222222222", regions: [eu-central-1], tier: development,
                 deployRole: "arn:aws:iam::222222222222:role/deploy"}
            pipeline: {entry: [dev], promotions: []}
            backend:
              type: aws
              aws:
                role: arn:aws:iam::111111111111:role/hub
                badRole: arn:aws:iam::1:role/hub
                duration: 15m
                badDuration: soon
                flag: true
                count: 4
                list: [a]
                nested: {bucket: b}
                weird: 1
            """;

    private final ConfigSection aws = AirlockConfiguration.parse("f.yaml", FILE, false).backend().settings()
            .section("aws", new ConfigProblems()).orElseThrow();
    private final ConfigProblems problems = new ConfigProblems();

    @Test
    void valuesOfTheRightKind_areRead() {
        assertEquals(Optional.of(RoleArn.parse("arn:aws:iam::111111111111:role/hub")),
                aws.value("role", RoleArn::parse, problems));
        assertEquals(Optional.of(Duration.ofMinutes(15)), aws.duration("duration", problems));
        assertEquals(Optional.of(true), aws.bool("flag", problems));
        assertEquals(Optional.of(4L), aws.integer("count", problems));
        assertEquals(Optional.of("b"), aws.section("nested", problems).orElseThrow().text("bucket", problems));
        assertEquals(Optional.empty(), aws.text("absent", problems));
        assertTrue(problems.isEmpty(), problems.list()::toString);
    }

    @Test
    void rejectedValue_isLocatedAndNamesPathValueAndRule() {
        assertEquals(Optional.empty(), aws.value("badRole", RoleArn::parse, problems));

        Problem problem = problems.list().get(0);
        assertEquals(11, problem.line());
        assertEquals(14, problem.column());
        assertTrue(problem.message().startsWith("backend.aws.badRole: 'arn:aws:iam::1:role/hub' "), problem::toString);
    }

    @Test
    void wrongKinds_areLocatedProblems() {
        aws.duration("badDuration", problems);
        aws.bool("count", problems);
        aws.integer("flag", problems);
        aws.text("list", problems);
        aws.section("weird", problems);

        List<String> messages = problems.list().stream().map(Problem::toString).toList();
        assertEquals(List.of(
                "f.yaml:13:18: backend.aws.badDuration: 'soon' must be a positive duration such as 90s, 30m, 24h, 7d, "
                        + "1d12h or PT1H30M",
                "f.yaml:15:12: backend.aws.count must be true or false, got a number",
                "f.yaml:14:11: backend.aws.flag must be a whole number, got a boolean",
                "f.yaml:16:11: backend.aws.list must be text, got a list",
                "f.yaml:18:12: backend.aws.weird must be a map, got a number"), messages);
    }

    @Test
    void keysAreCheckedAgainstTheAllowedAndRequiredOnes() {
        aws.section("nested", problems).orElseThrow().checkKeys(Set.of("bucket", "region"), Set.of("bucket", "region"),
                problems);
        aws.checkKeys(Set.of(), Set.of("role"), problems);

        assertTrue(problems.list().get(0).message().contains("backend.aws.nested is missing required key 'region'"),
                problems.list()::toString);
        assertEquals(1 + 8, problems.list().size(), problems.list()::toString);
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, problems::throwIfAny);
        assertEquals(9, e.problems().size());
    }

    @Test
    void toString_showsNoValues() {
        assertFalse(aws.toString().contains("arn:aws"), aws::toString);
        assertTrue(aws.toString().contains("backend.aws"), aws::toString);
    }
}
