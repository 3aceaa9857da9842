package dev.airlock.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.AirlockException;
import dev.airlock.environment.AccountId;
import dev.airlock.environment.Environment;
import dev.airlock.environment.Landscape;
import dev.airlock.spi.AccessContext;
import dev.airlock.spi.AccessDeniedException;
import dev.airlock.spi.AccessSession;
import dev.airlock.spi.EnvironmentAccess;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link EnvironmentAccess}: a session opened for one of the landscape's
 * environments acts in that environment's account and carries the promotion and principal; an
 * environment that is not the landscape's is refused; and every session opened leaves a record
 * naming the promotion and the principal.
 *
 * <p>To run it against an implementation, subclass it in test sources and implement the four
 * abstract methods. {@link #actingAccount} must ask the backend (on AWS, GetCallerIdentity with the
 * session's credentials), not repeat the environment's configured account, so a session that acts
 * in the wrong account fails the contract.
 *
 * @param <A> the environment access implementation
 */
public abstract class EnvironmentAccessContract<A extends EnvironmentAccess> {
    /** An account the kit's landscape must not use: where a namesake or unknown environment claims to live. */
    protected static final AccountId STRANGER = AccountId.of("555555555555");

    /** Creates a new environment access for {@link #landscape()}, with nothing recorded yet. */
    protected abstract A createAccess();

    /** The landscape the access serves; the kit uses its first two environments, in different accounts. */
    protected abstract Landscape landscape();

    /** The account {@code session} acts in, as the backend establishes it. */
    protected abstract AccountId actingAccount(AccessSession session);

    /** What {@code access} recorded about sessions opened into {@code environment}, oldest first. */
    protected abstract List<RecordedAccess> recordedAccess(A access, Environment environment);

    /**
     * One recorded opening of access.
     *
     * @param environment the environment's name
     * @param promotionId the promotion the access was opened for
     * @param principal   who the promotion acts for
     */
    public record RecordedAccess(String environment, String promotionId, String principal) {
    }

    @Test
    void open_anEnvironmentOfTheLandscape_givesASessionActingInItsAccount() {
        A access = createAccess();
        AccessContext context = new AccessContext("promotion-1", "alice");

        try (AccessSession session = access.open(environment(), context)) {
            assertEquals(environment(), session.environment());
            assertEquals(context, session.context());
            assertEquals(environment().account(), actingAccount(session));
        }
    }

    @Test
    void open_twoEnvironments_givesSessionsActingInTheirOwnAccounts() {
        A access = createAccess();
        AccessContext context = new AccessContext("promotion-1", "alice");

        try (AccessSession first = access.open(environment(), context);
                AccessSession second = access.open(otherEnvironment(), context)) {
            assertEquals(environment().account(), actingAccount(first));
            assertEquals(otherEnvironment().account(), actingAccount(second));
        }
    }

    @Test
    void open_anEnvironmentNotInTheLandscape_isRefusedAndRecordsNothing() {
        A access = createAccess();
        Environment unknown = Environment.builder("ghost").account(STRANGER.value()).build();

        AirlockException refused = assertThrows(AirlockException.class,
                () -> access.open(unknown, new AccessContext("promotion-1", "alice")).close());

        assertFalse(refused.retryable(), "an environment outside the landscape will not appear by retrying");
        assertEquals(List.of(), recordedAccess(access, unknown));
    }

    @Test
    void open_aNamesakeOfAnEnvironmentInAnotherAccount_isRefused() {
        A access = createAccess();
        Environment namesake = Environment.builder(environment().name()).account(STRANGER.value())
                .regions(environment().regions().get(0).value()).tier(environment().tier()).build();

        assertThrows(AccessDeniedException.class,
                () -> access.open(namesake, new AccessContext("promotion-1", "alice")).close());
    }

    @Test
    void open_recordsThePromotionAndThePrincipal() {
        A access = createAccess();

        try (AccessSession session = access.open(environment(), new AccessContext("promotion-1", "alice"))) {
            // Recorded when opened, while the session is still in use, not only when it ends.
            assertTrue(recordedAccess(access, session.environment())
                    .contains(new RecordedAccess(environment().name(), "promotion-1", "alice")),
                    () -> "no record of promotion-1 by alice in " + recordedAccess(access, environment()));
        }
    }

    @Test
    void open_byTwoPrincipals_recordsEach() {
        A access = createAccess();

        access.open(environment(), new AccessContext("promotion-1", "alice")).close();
        access.open(environment(), new AccessContext("promotion-2", "bob")).close();

        Set<RecordedAccess> recorded = new HashSet<>(recordedAccess(access, environment()));
        assertTrue(recorded.contains(new RecordedAccess(environment().name(), "promotion-1", "alice")),
                () -> "no record of alice: " + recorded);
        assertTrue(recorded.contains(new RecordedAccess(environment().name(), "promotion-2", "bob")),
                () -> "no record of bob: " + recorded);
        assertEquals(List.of(), recordedAccess(access, otherEnvironment()),
                "nothing was opened into " + otherEnvironment().name());
    }

    @Test
    void close_twice_neverThrows() {
        A access = createAccess();
        AccessSession session = access.open(environment(), new AccessContext("promotion-1", "alice"));

        assertDoesNotThrow(session::close);
        assertDoesNotThrow(session::close);
        assertEquals(environment(), session.environment());
    }

    /** The first environment of the landscape. */
    protected final Environment environment() {
        return landscape().environments().get(0);
    }

    /** The second environment of the landscape, in another account than {@link #environment()}. */
    protected final Environment otherEnvironment() {
        Environment other = landscape().environments().get(1);
        assertNotEquals(environment().account(), other.account(),
                "the kit needs the landscape's first two environments in different accounts");
        return other;
    }
}
