package dev.airlock.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.environment.Environment;
import dev.airlock.environment.Landscape;
import dev.airlock.environment.UnknownEnvironmentException;
import dev.airlock.spi.AccessContext;
import dev.airlock.spi.AccessDeniedException;
import dev.airlock.spi.AccessSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalEnvironmentAccessTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");

    @TempDir
    Path directory;

    private final Landscape landscape = TestLandscapes.devAndProd();

    private LocalEnvironmentAccess access() {
        return LocalEnvironmentAccess.open(directory.resolve("access"), landscape, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void open_whenEnvironmentUnknown_isRejectedNamingTheKnownOnes() {
        Environment stranger = Environment.builder("qa").account("444444444444").build();

        UnknownEnvironmentException e = assertThrows(UnknownEnvironmentException.class,
                () -> access().open(stranger, new AccessContext("p-1", "alice")));

        assertEquals("unknown environment 'qa'; known environments: dev, prod", e.getMessage());
        assertEquals(List.of(), access().log("qa"));
    }

    @Test
    void open_whenEnvironmentIsANamesakeInAnotherAccount_isDenied() {
        Environment impostor = Environment.builder("prod").account("444444444444").build();

        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> access().open(impostor, new AccessContext("p-1", "alice")));

        assertEquals("environment 'prod' (account 444444444444) is not the landscape's environment of that name"
                + " (account 333333333333)", e.getMessage());
    }

    @Test
    void open_recordsWhoOpenedItForWhichPromotionAndWhen() {
        LocalEnvironmentAccess access = access();

        AccessSession session = access.open(landscape.require("prod"), new AccessContext("p-7", "alice"));

        assertEquals("prod", session.environment().name());
        assertEquals(new AccessContext("p-7", "alice"), session.context());
        assertEquals(List.of(new AccessRecord(NOW, AccessRecord.Event.OPENED, "prod", "p-7", "alice")),
                access.log("prod"));
        assertEquals(List.of(), access.log("dev"));
    }

    @Test
    void close_isRecordedOnce() {
        LocalEnvironmentAccess access = access();
        AccessSession session = access.open(landscape.require("dev"), new AccessContext("p-1", "bob"));

        session.close();
        session.close();

        assertEquals(List.of(AccessRecord.Event.OPENED, AccessRecord.Event.CLOSED),
                access.log("dev").stream().map(AccessRecord::event).toList());
    }

    @Test
    void log_isAppendOnlyJsonLinesAndEscapesValues() throws IOException {
        LocalEnvironmentAccess access = access();
        access.open(landscape.require("dev"), new AccessContext("p-1", "eve \"the\"\nadmin")).close();
        access.open(landscape.require("dev"), new AccessContext("p-2", "bob"));

        List<String> lines = Files.readAllLines(access.logFile("dev"));

        assertEquals(3, lines.size());
        assertTrue(lines.get(0).startsWith("{\"time\":\"2026-03-02T09:30:00Z\",\"event\":\"OPENED\""), lines.get(0));
        assertEquals("eve \"the\"\nadmin", access.log("dev").get(0).principal());
    }

    @Test
    void open_whenTheLogCannotBeWritten_isDenied() throws IOException {
        Files.writeString(directory.resolve("access"), "a file where the directory should be");

        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> access().open(landscape.require("dev"), new AccessContext("p-1", "alice")));

        assertTrue(e.getMessage().startsWith("cannot record access to environment 'dev' in "), e.getMessage());
    }
}
