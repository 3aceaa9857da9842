package dev.airlock.testkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.environment.AccountId;
import dev.airlock.environment.Environment;
import dev.airlock.environment.Landscape;
import dev.airlock.local.LocalBackend;
import dev.airlock.local.LocalEnvironmentAccess;
import dev.airlock.spi.AccessSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

class LocalEnvironmentAccessContractTest extends EnvironmentAccessContract<LocalEnvironmentAccess> {
    private static final ObjectMapper JSON = new ObjectMapper();

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

    /** Read from the access log file as an operator would: one JSON line per open and close. */
    @Override
    protected List<RecordedAccess> recordedAccess(LocalEnvironmentAccess access, Environment environment) {
        Path log = access.logFile(environment.name());
        if (!Files.exists(log)) {
            return List.of();
        }
        try {
            return Files.readAllLines(log).stream().map(LocalEnvironmentAccessContractTest::json)
                    .filter(line -> line.path("event").asText().equals("OPENED"))
                    .map(line -> new RecordedAccess(line.path("environment").asText(),
                            line.path("promotionId").asText(), line.path("principal").asText()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
