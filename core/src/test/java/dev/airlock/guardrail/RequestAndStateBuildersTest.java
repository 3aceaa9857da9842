package dev.airlock.guardrail;

import static dev.airlock.guardrail.Fixtures.CONFIGURATION;
import static dev.airlock.guardrail.Fixtures.DIGEST;
import static dev.airlock.guardrail.Fixtures.GUARDRAILS;
import static dev.airlock.guardrail.Fixtures.LANDSCAPE;
import static dev.airlock.guardrail.Fixtures.TUESDAY_11_BERLIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.airlock.InvalidValueException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "Would this pass at T?" in a few lines: requests and states built fact by fact, principals from the configuration. */
class RequestAndStateBuildersTest {
    final Principal rita = CONFIGURATION.principal("rita");

    @Test
    void configurationPrincipal_carriesTheGroupsTheFileGivesThem() {
        assertEquals(Principal.of("rita", "release-managers"), rita);
        assertEquals(Principal.of("nobody"), CONFIGURATION.principal("nobody"));
    }

    @Test
    void builders_makeTheSameRequestAndStateAsTheRecords() {
        PromotionRequest built = PromotionRequest.builder(Fixtures.artifact(), LANDSCAPE.require("prod-eu"), rita)
                .from(LANDSCAPE.require("staging")).attribute("change", "CHG-1234").build();
        GuardrailState state = GuardrailState.builder().verified("staging", TUESDAY_11_BERLIN.minus(Duration.ofDays(2)))
                .running("staging", DIGEST).build();

        assertEquals(new PromotionRequest(Fixtures.artifact(), LANDSCAPE.require("staging"), LANDSCAPE.require("prod-eu"),
                rita, false, null, false, Map.of("change", "CHG-1234")), built);
        assertEquals(new GuardrailState(Map.of("staging", TUESDAY_11_BERLIN.minus(Duration.ofDays(2))), java.util.List.of(),
                Map.of("staging", DIGEST), true), state);
        assertEquals(built, built.toBuilder().build());
        assertEquals(state, state.toBuilder().build());
    }

    @Test
    void aStateBuiltWithTwoApprovals_passesWhereOneIsPending() {
        PromotionRequest request = PromotionRequest.builder(Fixtures.artifact(), LANDSCAPE.require("prod-eu"), rita)
                .from(LANDSCAPE.require("staging")).attribute("change", "CHG-1234").build();
        String version = GUARDRAILS.approvalPolicyVersion("prod-eu");
        GuardrailState.Builder state = GuardrailState.builder()
                .verified("staging", TUESDAY_11_BERLIN.minus(Duration.ofDays(2)))
                .approval(new Approval(CONFIGURATION.principal("rob"), DIGEST, "prod-eu", version, TUESDAY_11_BERLIN));
        GuardrailState one = state.build();
        GuardrailState two = state.approval(new Approval(CONFIGURATION.principal("rae"), DIGEST, "prod-eu", version,
                TUESDAY_11_BERLIN)).build();

        assertEquals(Outcome.PENDING, GUARDRAILS.decide(request, one, TUESDAY_11_BERLIN).outcome());
        assertEquals(Outcome.ALLOWED, GUARDRAILS.decide(request, two, TUESDAY_11_BERLIN).outcome());
        assertNotEquals(one, two, "build() copies: the first state kept one approval");
    }

    @Test
    void aBreakGlassRequest_withoutJustification_isRefusedByTheBuilder() {
        assertThrows(InvalidValueException.class, () -> PromotionRequest.builder(Fixtures.artifact(),
                LANDSCAPE.require("prod-eu"), rita).breakGlass(" ").build());
    }
}
