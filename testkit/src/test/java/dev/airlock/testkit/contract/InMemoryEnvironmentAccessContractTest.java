package dev.airlock.testkit.contract;

import dev.airlock.environment.AccountId;
import dev.airlock.environment.Environment;
import dev.airlock.environment.Landscape;
import dev.airlock.spi.AccessSession;
import dev.airlock.testkit.CallRecord;
import dev.airlock.testkit.InMemoryAccessSession;
import dev.airlock.testkit.InMemoryEnvironmentAccess;
import dev.airlock.testkit.Operation;
import dev.airlock.testkit.TestWorld;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** The testkit's in-memory role chain keeps the same contract as the local and AWS access. */
class InMemoryEnvironmentAccessContractTest extends EnvironmentAccessContract<InMemoryEnvironmentAccess> {
    private final Map<InMemoryEnvironmentAccess, TestWorld> worlds = new IdentityHashMap<>();

    @Override
    protected InMemoryEnvironmentAccess createAccess() {
        TestWorld world = TestWorld.builder().landscape(LocalLandscape.DEV_AND_PROD).build();
        worlds.put(world.access(), world);
        return world.access();
    }

    @Override
    protected Landscape landscape() {
        return LocalLandscape.DEV_AND_PROD;
    }

    /** The account of the assumed role the session acts as, read from its STS identity. */
    @Override
    protected AccountId actingAccount(AccessSession session) {
        String arn = session.unwrap(InMemoryAccessSession.class).orElseThrow().assumedRoleArn();
        return AccountId.of(arn.split(":")[4]);
    }

    /** Successful openings, from the world's call records. */
    @Override
    protected List<RecordedAccess> recordedAccess(InMemoryEnvironmentAccess access, Environment environment) {
        return worlds.get(access).calls().of(Operation.OPEN_ACCESS).stream()
                .filter(call -> !call.failed() && environment.name().equals(call.environment())
                        && environment.account().equals(call.account()))
                .map(call -> new RecordedAccess(call.environment(), call.promotionId(), principal(call)))
                .toList();
    }

    private static String principal(CallRecord call) {
        return call.principal() == null ? "" : call.principal();
    }
}
