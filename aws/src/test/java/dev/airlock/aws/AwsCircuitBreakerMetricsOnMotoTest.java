package dev.airlock.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.airlock.spi.AccessContext;
import dev.airlock.spi.BackendUnavailableException;
import dev.airlock.testkit.ManualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/**
 * Each AWS account's circuit breaker shows its state as a meter: driven open by prod's failing AssumeRole
 * calls on moto, while staging's stays closed.
 */
class AwsCircuitBreakerMetricsOnMotoTest {
    private static final AccessContext ALICE = new AccessContext("promo-1", "alice@example.com");

    private final MotoAws aws = new MotoAws().withStorage();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @AfterEach
    void close() {
        aws.close();
    }

    @Test
    void aFailingAccountsBreaker_showsOpen_whileAnotherAccountsShowsClosed() {
        AwsBackend backend = aws.backend(aws.configuration().build(), ManualClock.at(Instant.now()));
        new AwsCircuitBreakerMetrics(backend).bindTo(registry);
        RoleChainAccess access = backend.environmentAccess();
        aws.faults().fail("AssumeRole", r -> ((AssumeRoleRequest) r).roleArn().contains("444444444444"),
                FaultInjector.Fault.UNAVAILABLE, Integer.MAX_VALUE);

        access.open(aws.env("staging"), ALICE).close();
        for (int i = 0; i < 4; i++) {
            assertThrows(BackendUnavailableException.class, () -> access.open(aws.env("prod"), ALICE));
        }
        assertThrows(BackendUnavailableException.class, () -> access.open(aws.env("prod"), ALICE));

        assertEquals(1, state("444444444444", "open"));
        assertEquals(0, state("444444444444", "closed"));
        assertEquals(1, state("333333333333", "closed"));
        assertEquals(0, state("333333333333", "open"));
        assertEquals(1, registry.get(AwsCircuitBreakerMetrics.NOT_PERMITTED).tag("account", "444444444444")
                .counter().count(), "the fifth attempt never reached AWS");
        assertEquals(100, registry.get(AwsCircuitBreakerMetrics.FAILURE_RATE).tag("account", "444444444444")
                .gauge().value());
    }

    private double state(String account, String state) {
        return registry.get(AwsCircuitBreakerMetrics.STATE).tag("account", account)
                .tag("name", "aws-account-" + account).tag("state", state).gauge().value();
    }
}
