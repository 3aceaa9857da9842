package dev.airlock.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.InvalidValueException;
import dev.airlock.environment.AccountId;
import dev.airlock.environment.Environment;
import dev.airlock.environment.RoleArn;
import dev.airlock.spi.AccessContext;
import dev.airlock.spi.AccessDeniedException;
import dev.airlock.spi.AccessSession;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryEnvironmentAccessTest {
    private static final String PROMOTER = "arn:aws:sts::111111111111:assumed-role/airlock-promoter/airlock";
    private static final String PROD_ROLE = "arn:aws:iam::555555555555:role/airlock-deploy";
    private static final AccessContext CONTEXT = new AccessContext("p-42", "alice");

    private static AccessSession open(TestWorld world, String environment) {
        return world.access().open(world.landscape().require(environment), CONTEXT);
    }

    @Test
    void open_withTheDefaultTrust_assumesTheDeployRoleWithThePromotionAsSessionName() {
        TestWorld world = TestWorld.fourStages().build();
        try (AccessSession session = open(world, "prod")) {
            InMemoryAccessSession inMemory = session.unwrap(InMemoryAccessSession.class).orElseThrow();
            assertEquals("arn:aws:sts::555555555555:assumed-role/airlock-deploy/p-42", inMemory.assumedRoleArn());
            assertEquals("alice", inMemory.sourceIdentity());
            assertEquals(List.of(RoleArn.parse(PROD_ROLE)), inMemory.chain());
        }
    }

    @Test
    void open_whenTheDeployRoleTrustsNobody_failsAsAwsWould() {
        TestWorld world = TestWorld.fourStages().noTrust("prod").build();

        AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> open(world, "prod"));

        assertEquals("User: " + PROMOTER + " is not authorized to perform: sts:AssumeRole on resource: " + PROD_ROLE,
                e.getMessage());
        CallRecord call = world.calls().of(Operation.OPEN_ACCESS).get(0);
        assertTrue(call.failed());
        assertEquals(AccountId.of("555555555555"), call.account());
    }

    @Test
    void open_whenTheRoleTrustsSomeoneElse_isDenied() {
        TestWorld world = TestWorld.fourStages()
                .trust(RoleTrust.of(PROD_ROLE, "arn:aws:iam::111111111111:role/other-pipeline")).build();
        assertThrows(AccessDeniedException.class, () -> open(world, "prod"));
        open(world, "staging").close();
    }

    @Test
    void open_whenTheRoleTrustsTheCallersAccountRoot_isAllowed() {
        TestWorld world = TestWorld.fourStages()
                .trust(RoleTrust.of(PROD_ROLE, RoleTrust.accountRoot(AccountId.of("111111111111")))).build();

        try (AccessSession session = open(world, "prod")) {
            InMemoryAccessSession inMemory = session.unwrap(InMemoryAccessSession.class).orElseThrow();
            assertTrue(inMemory.isOpen());
            assertEquals("arn:aws:sts::555555555555:assumed-role/airlock-deploy/p-42", inMemory.assumedRoleArn());
        }
        assertFalse(world.calls().of(Operation.OPEN_ACCESS).get(0).failed());
    }

    @Test
    void open_whenTheRoleTrustsAnotherAccountsRoot_isDenied() {
        TestWorld world = TestWorld.fourStages()
                .trust(RoleTrust.of(PROD_ROLE, RoleTrust.accountRoot(AccountId.of("222222222222")))).build();

        assertThrows(AccessDeniedException.class, () -> open(world, "prod"));
    }

    @Test
    void open_whenTheRoleRequiresAnExternalIdTheCallerDoesNotPresent_isDenied() {
        RoleTrust trust = RoleTrust.of(PROD_ROLE, "arn:aws:iam::111111111111:role/airlock-promoter")
                .requiringExternalId("shared-secret-42");
        assertThrows(AccessDeniedException.class, () -> open(TestWorld.fourStages().trust(trust).build(), "prod"));
        assertThrows(AccessDeniedException.class, () -> open(TestWorld.fourStages().trust(trust)
                .externalId("prod", "wrong-value").build(), "prod"));
        open(TestWorld.fourStages().trust(trust).externalId("prod", "shared-secret-42").build(), "prod").close();
    }

    @Test
    void aRoleTrust_neverShowsItsExternalId() {
        RoleTrust trust = RoleTrust.of(PROD_ROLE, RoleTrust.accountRoot(AccountId.of("111111111111")))
                .requiringExternalId("shared-secret-42");
        assertFalse(trust.toString().contains("shared-secret-42"), trust.toString());
    }

    @Test
    void open_throughAHub_chainsHubThenDeployRole() {
        String hub = "arn:aws:iam::999999999999:role/airlock-hub";
        TestWorld world = TestWorld.fourStages().hub(hub).build();
        try (AccessSession session = open(world, "dev")) {
            assertEquals(List.of(RoleArn.parse(hub), RoleArn.parse("arn:aws:iam::222222222222:role/airlock-deploy")),
                    session.unwrap(InMemoryAccessSession.class).orElseThrow().chain());
        }
    }

    @Test
    void open_throughAHub_whenTheDeployRoleTrustsOnlyTheCaller_namesTheHubSession() {
        String hub = "arn:aws:iam::999999999999:role/airlock-hub";
        TestWorld world = TestWorld.fourStages().hub(hub)
                .trust(RoleTrust.of(PROD_ROLE, "arn:aws:iam::111111111111:role/airlock-promoter")).build();

        AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> open(world, "prod"));

        assertEquals("User: arn:aws:sts::999999999999:assumed-role/airlock-hub/p-42 is not authorized to perform: "
                + "sts:AssumeRole on resource: " + PROD_ROLE, e.getMessage());
    }

    @Test
    void open_ofANamesakeInAnotherAccount_isDenied() {
        TestWorld world = TestWorld.fourStages().build();
        Environment impostor = Environment.builder("prod").account("777777777777").build();
        assertThrows(AccessDeniedException.class, () -> world.access().open(impostor, CONTEXT));
    }

    @Test
    void aRoleTrust_withAMalformedPrincipal_namesTheFieldAndValue() {
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> RoleTrust.of(PROD_ROLE, "arn:aws:iam::1111:role/x"));
        assertEquals("principals", e.field());
        assertEquals("arn:aws:iam::1111:role/x", e.value());
    }

    @Test
    void theCaller_mustBeInTheToolingAccount() {
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> TestWorld.fourStages().caller("arn:aws:iam::222222222222:role/ci").build());
        assertEquals("caller", e.field());
    }

    @Test
    void sessionNames_keepToTheStsAlphabetAndLength() {
        assertEquals("a-b", InMemoryEnvironmentAccess.sessionName("a b"));
        assertEquals(64, InMemoryEnvironmentAccess.sessionName("x".repeat(100)).length());
    }
}
