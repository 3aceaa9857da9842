package dev.airlock.testkit.moto;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A {@code moto_server} process on a free loopback port: started, waited for until it answers, reset
 * between tests ({@code POST /moto-api/reset}) and stopped.
 *
 * <p>Starting moto takes seconds, so tests normally share one server per JVM through
 * {@link #shared()} and call {@link #reset()} before each test; the shared server stops when the JVM
 * exits. {@link #start()} gives a private server the caller closes.
 *
 * <p>If {@code moto_server} is not installed the harness throws {@link MotoUnavailableException}
 * naming {@link #INSTALL_HINT}: tests fail, they are never skipped. The command can be overridden
 * with the system property {@value #COMMAND_PROPERTY} (a path to the executable).
 */
public final class MotoServer implements AutoCloseable {
    /** How to install the emulator; part of every "moto is missing" message. */
    public static final String INSTALL_HINT = "pip install 'moto[server]>=5.2.1'";
    /** System property naming the {@code moto_server} executable to run instead of the one on the PATH. */
    public static final String COMMAND_PROPERTY = "airlock.moto.server";

    private static final String LOOPBACK = "127.0.0.1";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final int START_ATTEMPTS = 3;
    private static @Nullable MotoServer shared;

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private MotoServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * The server shared by every test in this JVM, started on first use (and again if it died).
     * Do not close it; it stops when the JVM exits.
     */
    public static synchronized MotoServer shared() {
        MotoServer server = shared;
        if (server == null || !server.isRunning()) {
            server = start();
            shared = server;
            MotoServer started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "moto-server-stop"));
        }
        return server;
    }

    /** Starts a private server on a free loopback port and waits until it answers. */
    public static MotoServer start() {
        String command = command();
        MotoUnavailableException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            // The free port can be taken between probing and moto binding it; then try another one.
            try {
                return startOnce(command, freePort());
            } catch (PortTakenException e) {
                last = new MotoUnavailableException(e.getMessage());
            }
        }
        throw last;
    }

    /** The base URL to give SDK clients as endpoint override, e.g. {@code http://127.0.0.1:51234}. */
    public URI endpoint() {
        return URI.create("http://" + LOOPBACK + ":" + port);
    }

    public int port() {
        return port;
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** Forgets every account, role, bucket and repository, as if the server had just started. */
    public void reset() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(endpoint().resolve("/moto-api/reset"))
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build());
        if (response.statusCode() != 200) {
            throw new MotoUnavailableException("moto_server on port " + port + " refused the reset: HTTP "
                    + response.statusCode() + " " + response.body() + logTail());
        }
    }

    /** Stops the server and the processes it started. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // A leftover log file in the temp directory is harmless.
        }
    }

    @Override
    public String toString() {
        return "MotoServer[" + endpoint() + (isRunning() ? "" : ", stopped") + "]";
    }

    private static MotoServer startOnce(String command, int port) {
        Path log;
        Process process;
        try {
            log = Files.createTempFile("moto-server-" + port + "-", ".log");
            log.toFile().deleteOnExit();
            process = new ProcessBuilder(command, "-H", LOOPBACK, "-p", Integer.toString(port))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new MotoUnavailableException("could not run '" + command + "': " + e.getMessage()
                    + ". The AWS integration tests need moto's server: install it with " + INSTALL_HINT
                    + " (Python 3), or point -D" + COMMAND_PROPERTY + " at the executable.", e);
        }
        MotoServer server = new MotoServer(process, port, log);
        server.awaitReady();
        return server;
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                String tail = logTail();
                close();
                if (tail.contains("Address already in use")) {
                    throw new PortTakenException("port " + port + " was taken before moto_server could bind it");
                }
                throw new MotoUnavailableException("moto_server exited with status " + process.exitValue()
                        + " before answering on port " + port + "; is it moto >= 5.2.1? Install with "
                        + INSTALL_HINT + tail);
            }
            try {
                http.send(HttpRequest.newBuilder(endpoint().resolve("/moto-api/")).GET()
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException e) {
                sleep(Duration.ofMillis(100));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new MotoUnavailableException("interrupted while waiting for moto_server to start");
            }
        }
        String tail = logTail();
        close();
        throw new MotoUnavailableException("moto_server did not answer on port " + port + " within "
                + STARTUP_TIMEOUT.toSeconds() + "s" + tail);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new MotoUnavailableException("moto_server on port " + port + " did not answer "
                    + request.method() + " " + request.uri().getPath() + ": " + e.getMessage() + logTail(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MotoUnavailableException("interrupted while calling moto_server", e);
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> tail = lines.subList(Math.max(0, lines.size() - 20), lines.size());
            return tail.isEmpty() ? "" : "\n--- moto_server output (last lines) ---\n" + String.join("\n", tail);
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    private static String command() {
        String configured = System.getProperty(COMMAND_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String directory : path.split(File.pathSeparator)) {
                File candidate = new File(directory, "moto_server");
                if (candidate.isFile() && candidate.canExecute()) {
                    return candidate.getPath();
                }
            }
        }
        throw new MotoUnavailableException("moto_server is not on the PATH. The AWS integration tests run against "
                + "moto's local AWS emulator and fail without it: install it with " + INSTALL_HINT
                + " (Python 3), or point -D" + COMMAND_PROPERTY + " at the executable.");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("could not find a free loopback port for moto_server", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Internal signal to retry on another port. */
    private static final class PortTakenException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PortTakenException(String message) {
            super(message);
        }
    }
}
