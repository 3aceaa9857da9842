package dev.airlock.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.InvalidValueException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdentityMappingTest {
    static final IdentityMapping SAMPLE = IdentityMapping.of(List.of(
            new IdentityMapping.Rule("arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_*/*", IdentityMapping.SESSION),
            new IdentityMapping.Rule("arn:aws:sts::111111111111:assumed-role/airlock-ci/*", "ci@tooling")));

    @Test
    void identityCenterSession_mapsToTheEmailItIsNamedBy() {
        assertEquals(Optional.of("rita@acme.example"), SAMPLE.principalOf(
                "arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_ReleaseManagers_0a1b2c3d4e5f6a7b/rita@acme.example"));
    }

    @Test
    void theCiRole_mapsToItsFixedPrincipal_whateverTheSessionName() {
        assertEquals(Optional.of("ci@tooling"),
                SAMPLE.principalOf("arn:aws:sts::111111111111:assumed-role/airlock-ci/gha-run-4711"));
    }

    @Test
    void unmatchedCallers_areNotMapped() {
        assertEquals(Optional.empty(), SAMPLE.principalOf("arn:aws:iam::111111111111:user/mallory"));
        assertEquals(Optional.empty(), SAMPLE.principalOf(
                "arn:aws:sts::222222222222:assumed-role/AWSReservedSSO_Admin_0a1b/rita@acme.example"));
        assertEquals(Optional.empty(), IdentityMapping.none().principalOf("arn:aws:iam::111111111111:user/alice"));
    }

    @Test
    void aStar_neverMatchesASlash_soARoleNameCannotSmuggleASession() {
        assertEquals(Optional.empty(), SAMPLE.principalOf(
                "arn:aws:sts::111111111111:assumed-role/airlock-ci/x/rita@acme.example"));
        assertEquals(Optional.empty(), SAMPLE.principalOf(
                "arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_x/y/rita@acme.example"));
    }

    @Test
    void theFirstMatchingRule_decides() {
        IdentityMapping mapping = IdentityMapping.of(List.of(
                new IdentityMapping.Rule("arn:aws:iam::111111111111:user/alice", "alice"),
                new IdentityMapping.Rule("arn:aws:iam::111111111111:user/*", "someone")));
        assertEquals(Optional.of("alice"), mapping.principalOf("arn:aws:iam::111111111111:user/alice"));
        assertEquals(Optional.of("someone"), mapping.principalOf("arn:aws:iam::111111111111:user/bob"));
    }

    @Test
    void rules_sayWhatIsWrong() {
        InvalidValueException notArn = assertThrows(InvalidValueException.class,
                () -> new IdentityMapping.Rule("AWSReservedSSO_*", "{session}"));
        assertTrue(notArn.getMessage().contains("arnPattern"), notArn.getMessage());
        InvalidValueException template = assertThrows(InvalidValueException.class,
                () -> new IdentityMapping.Rule("arn:aws:iam::111111111111:user/*", "{user}"));
        assertTrue(template.getMessage().contains("{session}"), template.getMessage());
    }
}
