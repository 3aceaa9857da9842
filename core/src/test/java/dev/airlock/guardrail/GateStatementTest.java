package dev.airlock.guardrail;

import static dev.airlock.guardrail.Fixtures.TUESDAY_11_BERLIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.config.AirlockConfiguration;
import dev.airlock.config.InvalidConfigurationException;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code gate} statements are decided on the answers gathered before the decision, which stays pure. */
class GateStatementTest {
    private static final String LANDSCAPE = Fixtures.EXAMPLE.substring(0, Fixtures.EXAMPLE.indexOf("\npolicies:"));

    private static Guardrails withGate(String effect) {
        return AirlockConfiguration.parse("airlock.yaml", LANDSCAPE + """

                policies:
                  - id: organization
                    version: 1
                    attach: organization
                    statements:
                      - {id: everyone, kind: permission, groups: [developers, release-managers, sre-leads]}
                      - {id: change-gate, kind: gate, effect: %s, gate: change-check}
                """.formatted(effect), false).guardrails();
    }

    private static Decision decide(Guardrails guardrails, GateAnswer answer) {
        GuardrailState.Builder state = GuardrailState.builder().verified("dev", TUESDAY_11_BERLIN.minus(Duration.ofDays(2)));
        if (answer != null) {
            state.gate(answer);
        }
        return guardrails.decide(Fixtures.promote("dev", "test").build(), state.build(), TUESDAY_11_BERLIN);
    }

    @Test
    void gates_listsTheGatesATargetsStatementsRead() {
        assertEquals(Set.of("change-check"), withGate("require").gates("test"));
    }

    @Test
    void requiredGate_approved_allows() {
        assertEquals(Outcome.ALLOWED, decide(withGate("require"), GateAnswer.approved("change-check", "CHG-1 open")).outcome());
    }

    @Test
    void requiredGate_notAsked_isPending() {
        Decision decision = decide(withGate("require"), null);
        assertEquals(Outcome.PENDING, decision.outcome());
        assertTrue(decision.explain().contains("gate 'change-check' was not asked"), decision.explain());
    }

    @Test
    void requiredGate_rejected_isPending_andTheExplanationNamesTheGateAndItsComment() {
        Decision decision = decide(withGate("require"), GateAnswer.rejected("change-check", "CHG-1 is closed"));
        assertEquals(Outcome.PENDING, decision.outcome());
        assertTrue(decision.explain().contains("gate 'change-check' rejected: CHG-1 is closed"), decision.explain());
    }

    @Test
    void denyGate_rejected_denies() {
        Decision decision = decide(withGate("deny"), GateAnswer.rejected("change-check", "scan found CVE-2025-1"));
        assertEquals(Outcome.DENIED, decision.outcome());
        assertTrue(decision.explain().contains("scan found CVE-2025-1"), decision.explain());
    }

    @Test
    void denyGate_pending_isPending_neverAllowed() {
        assertEquals(Outcome.PENDING, decide(withGate("deny"), GateAnswer.pending("change-check", "no answer in time"))
                .outcome());
    }

    @Test
    void gate_withEffectAllow_isRefused() {
        assertThrows(InvalidConfigurationException.class, () -> withGate("allow"));
    }
}
