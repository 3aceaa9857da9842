package dev.airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration's {@code gateTimeout} decides how long the real ./airlock waits for its gates: a gate
 * service that approves after three seconds is pending under {@code gateTimeout: 1s} and approves under
 * {@code gateTimeout: 8s}; a timeout that is no positive duration is refused at its line.
 */
class GateTimeoutCliIT {
    private static final String SECRET = "gate-secret-for-this-test";
    private static final String SECRET_ENV = "AIRLOCK_TEST_GATE_SECRET";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private HttpServer slowGate;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private Path config;
    private String base;

    @BeforeEach
    void setUp() throws IOException {
        slowGate = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        slowGate.createContext("/gate", this::approveAfterThreeSeconds);
        slowGate.setExecutor(handlers);
        slowGate.start();
        config = dir.resolve("airlock.yaml");
        String sample = TimeFreeConfig.strip(Files.readString(AirlockScript.ROOT.resolve("examples/config/airlock.yaml")));
        int signing = sample.indexOf("\nsigning:");
        assertTrue(signing > 0, "the sample's policies end where signing: begins");
        // The sample ends its policies before its comment on signing; a policy for dev goes after them.
        int policiesEnd = sample.lastIndexOf("\n\n#", signing);
        base = sample.substring(0, policiesEnd) + """

                  - id: dev-change-check
                    version: 1
                    attach: {environment: dev}
                    statements:
                      - {id: change-approved, kind: gate, effect: require, gate: change-check}
                """ + sample.substring(policiesEnd) + """

                gates:
                  change-check: {url: "http://127.0.0.1:%d/gate", secretEnv: %s, timeout: 30s}
                """.formatted(slowGate.getAddress().getPort(), SECRET_ENV);
    }

    @AfterEach
    void stop() {
        slowGate.stop(0);
        handlers.shutdownNow(); // a handler still waiting to answer
    }

    @Test
    void aSlowGate_isPending_underAShortGateTimeout_andApproves_underALongerOne() throws IOException {
        Files.writeString(config, base + "gateTimeout: 1s\n");
        SampleKeys.create(config);
        String digest = register();

        AirlockScript.Result cut = airlock("plan", "--digest", digest, "--to", "dev");
        assertEquals(ExitCodes.PENDING, cut.exitCode(), cut.all());
        assertTrue(cut.out().contains("no answer in time"), cut.all());

        Files.writeString(config, base + "gateTimeout: 8s\n");
        AirlockScript.Result waited = airlock("plan", "--digest", digest, "--to", "dev");
        assertEquals(0, waited.exitCode(), waited.all());
        assertFalse(waited.out().contains("no answer in time"), waited.all());
    }

    @Test
    void aGateTimeoutOfZero_isRefused_atItsLine_namingValueAndRule() throws IOException {
        SampleKeys.create(Files.writeString(config, base));
        Files.writeString(config, base + "gateTimeout: 0s\n");
        int line = (int) (base + "gateTimeout: 0s").lines().count();

        AirlockScript.Result refused = AirlockScript.run("validate", config.toString());

        assertEquals(ExitCodes.BAD_INPUT, refused.exitCode(), refused.all());
        assertTrue(refused.all().contains("airlock.yaml:" + line + ":14: gateTimeout: '0s' must be a positive "
                + "duration; zero and negative durations are impossible"), refused.all());
    }

    private String register() throws IOException {
        Path jar = Files.writeString(dir.resolve("payments-api.jar"), "payments-api 1.4.2 bytes");
        AirlockScript.Result registered = AirlockScript.run(List.of("register", jar.toString(), "--name",
                "payments-api", "--version", "1.4.2", "--source-repo", "github.com/acme/payments", "--revision",
                "9f1c2e7", "--config", config.toString(), "--state", dir.resolve("state").toString(), "--as",
                "ci@tooling").toArray(String[]::new));
        assertEquals(0, registered.exitCode(), registered.all());
        return registered.out().strip();
    }

    private AirlockScript.Result airlock(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config", config.toString(), "--state", dir.resolve("state").toString(), "--as",
                "alice"));
        return AirlockScript.run(Map.of(SECRET_ENV, SECRET), all.toArray(String[]::new));
    }

    /** Answers every request approved, signed as docs/gates.md says, three seconds after it came. */
    private void approveAfterThreeSeconds(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
        try {
            Thread.sleep(3_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close(); // the test ended
            return;
        }
        byte[] body = JSON.writeValueAsBytes(Map.of("delivery", request.path("delivery").asText(), "state",
                "approved", "comment", "approved, slowly"));
        exchange.getResponseHeaders().add("X-Airlock-Signature-256", "sha256=" + hmac(body));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
