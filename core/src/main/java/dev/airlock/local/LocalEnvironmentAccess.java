package dev.airlock.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.AirlockException;
import dev.airlock.InvalidValueException;
import dev.airlock.environment.Environment;
import dev.airlock.environment.Landscape;
import dev.airlock.environment.UnknownEnvironmentException;
import dev.airlock.spi.AccessContext;
import dev.airlock.spi.AccessDeniedException;
import dev.airlock.spi.AccessSession;
import dev.airlock.spi.EnvironmentAccess;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access to environments of the local backend. There are no accounts to assume roles in, so
 * opening access checks what can be checked on one machine: the environment is one of the
 * landscape's (the same one, not a namesake in another account), and its access log can be
 * written. Every open and close is appended to {@code <directory>/<environment>.log}, one JSON
 * line each, forced to disk, with the time from the injected clock.
 */
public final class LocalEnvironmentAccess implements EnvironmentAccess {
    private static final Logger LOG = LoggerFactory.getLogger(LocalEnvironmentAccess.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final Landscape landscape;
    private final Clock clock;

    private LocalEnvironmentAccess(Path directory, Landscape landscape, Clock clock) {
        this.directory = directory;
        this.landscape = landscape;
        this.clock = clock;
    }

    /** Access to {@code landscape}'s environments, logging under {@code directory}. */
    public static LocalEnvironmentAccess open(Path directory, Landscape landscape, Clock clock) {
        InvalidValueException.requireNonNull("directory", directory);
        InvalidValueException.requireNonNull("landscape", landscape);
        InvalidValueException.requireNonNull("clock", clock);
        return new LocalEnvironmentAccess(directory.toAbsolutePath().normalize(), landscape, clock);
    }

    /**
     * Opens access to {@code environment} and records it.
     *
     * @throws UnknownEnvironmentException if the landscape has no environment of that name
     * @throws AccessDeniedException       if the landscape's environment of that name is another one,
     *                                     or the access cannot be recorded
     */
    @Override
    public AccessSession open(Environment environment, AccessContext context) {
        InvalidValueException.requireNonNull("environment", environment);
        InvalidValueException.requireNonNull("context", context);
        Environment known = landscape.require(environment.name());
        if (!known.equals(environment)) {
            throw new AccessDeniedException("environment '" + environment.name() + "' (account "
                    + environment.account() + ") is not the landscape's environment of that name (account "
                    + known.account() + ")");
        }
        try {
            record(AccessRecord.Event.OPENED, environment, context);
        } catch (IOException e) {
            throw new AccessDeniedException("cannot record access to environment '" + environment.name() + "' in "
                    + logFile(environment.name()) + ": " + e.getClass().getSimpleName() + " (" + e.getMessage()
                    + ")", e);
        }
        return new LocalAccessSession(environment, context, this);
    }

    /** The access log of {@code environment}, oldest first; empty if it was never opened. */
    List<AccessRecord> log(String environment) {
        Path file = logFile(Environment.validateName(environment));
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new LocalStorageException("read", file, e);
        }
        List<AccessRecord> records = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            records.add(parse(file, i + 1, lines.get(i)));
        }
        return records;
    }

    /** The file {@code environment}'s access is logged in. */
    public Path logFile(String environment) {
        return directory.resolve(Environment.validateName(environment) + ".log");
    }

    void recordClosed(Environment environment, AccessContext context) {
        try {
            record(AccessRecord.Event.CLOSED, environment, context);
        } catch (IOException e) {
            // close() must not throw; the opening was recorded, and this is logged for the operator.
            LOG.warn("could not record closing access to environment '{}' for promotion {} in {}: {}",
                    environment.name(), context.promotionId(), logFile(environment.name()), e.toString());
        }
    }

    private void record(AccessRecord.Event event, Environment environment, AccessContext context) throws IOException {
        ObjectNode line = JSON.createObjectNode()
                .put("time", Instant.now(clock).toString())
                .put("event", event.name())
                .put("environment", environment.name())
                .put("promotionId", context.promotionId())
                .put("principal", context.principal());
        byte[] bytes = (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        Files.createDirectories(directory);
        // O_APPEND: each line is one write at the end, so concurrent writers never interleave within a line.
        try (FileChannel out = FileChannel.open(logFile(environment.name()), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        }
    }

    private static AccessRecord parse(Path file, int line, String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return new AccessRecord(Instant.parse(node.path("time").asText()),
                    AccessRecord.Event.valueOf(node.path("event").asText()), node.path("environment").asText(),
                    node.path("promotionId").asText(), node.path("principal").asText());
        } catch (JsonProcessingException | RuntimeException e) {
            throw new AirlockException(file + ":" + line + ": unreadable access record: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "LocalEnvironmentAccess[" + directory + "]";
    }
}
