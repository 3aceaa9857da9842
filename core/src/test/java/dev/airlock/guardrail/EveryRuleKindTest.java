package dev.airlock.guardrail;

import static dev.airlock.guardrail.Fixtures.TUESDAY_11_BERLIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.config.AirlockConfiguration;
import dev.airlock.guardrail.policy.Rule;
import dev.airlock.guardrail.policy.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of {@link Rule}, taken from the sealed interface rather than listed by hand, is read from
 * a policy document, compiled and explained. A kind added to {@code Rule} fails here until it has a
 * snippet below, and fails to load at all until it is defined where kinds are read and compiled.
 */
class EveryRuleKindTest {
    private static final String LANDSCAPE = Fixtures.EXAMPLE.substring(0, Fixtures.EXAMPLE.indexOf("\npolicies:"));
    private static final Map<Class<?>, String> SNIPPETS = Map.ofEntries(
            Map.entry(Rule.NoSkipping.class, "{id: under-test, kind: no-skipping, enabled: true}"),
            Map.entry(Rule.Approvals.class,
                    "{id: under-test, kind: approvals, count: 2, from: [release-managers], expiresAfter: 12h}"),
            Map.entry(Rule.Soak.class, "{id: under-test, kind: soak, duration: 24h, stage: staging}"),
            Map.entry(Rule.Window.class,
                    "{id: under-test, kind: window, zone: Europe/Berlin, days: [mon-fri], from: \"09:00\", to: \"17:00\"}"),
            Map.entry(Rule.Freeze.class,
                    "{id: under-test, kind: freeze, zone: UTC, start: 2025-12-20, end: 2026-01-05, reason: year end}"),
            Map.entry(Rule.Stop.class, "{id: under-test, kind: stop, engaged: false, reason: incident review}"),
            Map.entry(Rule.TrustedProvenance.class,
                    "{id: under-test, kind: provenance, builders: [\"ci@*\"], repositories: [\"github.com/acme/*\"]}"),
            Map.entry(Rule.MaxAge.class, "{id: under-test, kind: max-age, maxAge: 30d}"),
            Map.entry(Rule.Permission.class, "{id: under-test, kind: permission, groups: [release-managers]}"),
            Map.entry(Rule.AllowedPrincipals.class,
                    "{id: under-test, kind: allowed-principals, principals: [rita], groups: [sre-leads]}"),
            Map.entry(Rule.AllowedRegions.class, "{id: under-test, kind: allowed-regions, regions: [\"eu-*\"]}"),
            Map.entry(Rule.ImmutableRepository.class, "{id: under-test, kind: immutable-repository}"),
            Map.entry(Rule.Conditional.class, "{id: under-test, kind: condition, effect: require, conditions:"
                    + " [{attribute: attributes.change, glob: \"CHG-*\"}], reason: a change ticket}"),
            Map.entry(Rule.Gate.class, "{id: under-test, kind: gate, effect: require, gate: change-check}"));

    static Stream<Class<?>> kinds() {
        return Arrays.stream(Rule.class.getPermittedSubclasses());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyKind_isRead_compiled_andExplained(Class<?> kind) {
        String snippet = SNIPPETS.get(kind);
        assertNotNull(snippet, () -> "no policy snippet for " + kind.getName() + "; add one to SNIPPETS");
        AirlockConfiguration configuration = AirlockConfiguration.parse("airlock.yaml", LANDSCAPE + """

                policies:
                  - id: organization
                    version: 1
                    attach: organization
                    statements:
                      - %s
                """.formatted(snippet), false);

        Statement statement = configuration.policies().documents().get(0).statements().get(0);
        assertEquals(kind, statement.rule().getClass());
        Matcher written = Pattern.compile("kind: ([a-z-]+)").matcher(snippet);
        assertTrue(written.find());
        assertEquals(written.group(1), statement.rule().kind());

        Decision decision = configuration.guardrails().decide(Fixtures.promote("staging", "prod-eu").build(),
                Fixtures.state().verified("staging", TUESDAY_11_BERLIN.minus(Duration.ofDays(2))).build(),
                TUESDAY_11_BERLIN);
        StatementResult result = decision.results().stream().filter(r -> r.statementId().equals("under-test"))
                .findFirst().orElseThrow(() -> new AssertionError("not in the decision:\n" + decision.explain()));
        assertFalse(result.reason().isBlank(), decision.explain());
        assertTrue(decision.explain().lines().anyMatch(line -> line.contains("under-test") && line.contains(result.reason())),
                decision.explain());
    }
}
