package dev.airlock.testkit.contract;

import dev.airlock.environment.AccountId;
import dev.airlock.environment.Environment;
import dev.airlock.environment.Landscape;
import dev.airlock.local.AccessRecord;
import dev.airlock.local.LocalBackend;
import dev.airlock.local.LocalEnvironmentAccess;
import dev.airlock.spi.AccessSession;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

class LocalEnvironmentAccessContractTest extends EnvironmentAccessContract<LocalEnvironmentAccess> {
    @TempDir
    Path directory;

    @Override
    protected LocalEnvironmentAccess createAccess() {
        return LocalBackend.open(directory, landscape(), Clock.systemUTC()).environmentAccess();
    }

    @Override
    protected Landscape landscape() {
        return LocalLandscape.DEV_AND_PROD;
    }

    /** On one machine there are no credentials: a local session acts as the environment it was opened for. */
    @Override
    protected AccountId actingAccount(AccessSession session) {
        return session.environment().account();
    }

    @Override
    protected List<RecordedAccess> recordedAccess(LocalEnvironmentAccess access, Environment environment) {
        return access.log(environment.name()).stream()
                .filter(record -> record.event() == AccessRecord.Event.OPENED)
                .map(record -> new RecordedAccess(record.environment(), record.promotionId(), record.principal()))
                .toList();
    }
}
