package dev.airlock.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.airlock.InvalidValueException;
import dev.airlock.artifact.Digest;
import dev.airlock.guardrail.GateAnswer;
import dev.airlock.guardrail.GateAnswer.Status;
import dev.airlock.spi.GateRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP gate against a real HTTP server: only an authenticated, timely approval approves. */
class HttpGateTest {
    private static final String SECRET = "s3cr3t-gate-key";
    private static final Digest DIGEST = Digest.of("shop 1.4.2".getBytes(StandardCharsets.UTF_8));
    private static final GateRequest REQUEST = new GateRequest("p-1", DIGEST, "shop", "1.4.2", "staging", "prod-eu",
            "rita", Map.of("change", "CHG-1234"), false, false);

    private final GateServer server = new GateServer(SECRET.getBytes(StandardCharsets.UTF_8));

    HttpGateTest() throws java.io.IOException {
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpGate gate() {
        // Generous, so a loaded machine does not turn an answer into a timeout; the hanging gate has its own.
        return gate(Duration.ofSeconds(10));
    }

    private HttpGate gate(Duration timeout) {
        return HttpGate.builder().name("change-check").uri(server.uri())
                .secretFromEnvironment("AIRLOCK_GATE_SECRET", name -> name.equals("AIRLOCK_GATE_SECRET") ? SECRET : null)
                .timeout(timeout).build();
    }

    private GateAnswer ask(GateServer.Behaviour behaviour) {
        server.behaviour = behaviour;
        return gate().ask(REQUEST);
    }

    @Test
    void approvingGate_approves_withItsComment() {
        assertEquals(GateAnswer.approved("change-check", "CHG-1234 is approved"), ask(GateServer.Behaviour.APPROVE));
    }

    @Test
    void request_isSigned_andDescribesThePromotion() {
        ask(GateServer.Behaviour.APPROVE);
        assertEquals(java.util.List.of(true), server.requestSignaturesValid);
        JsonNode sent = server.requests.get(0);
        assertEquals(1, sent.path("version").asInt());
        assertEquals("p-1", sent.path("promotionId").asText());
        assertEquals(DIGEST.toString(), sent.path("digest").asText());
        assertEquals("shop", sent.path("artifact").path("name").asText());
        assertEquals("staging", sent.path("source").asText());
        assertEquals("prod-eu", sent.path("target").asText());
        assertEquals("rita", sent.path("principal").asText());
        assertEquals("CHG-1234", sent.path("attributes").path("change").asText());
        assertTrue(sent.path("plan").isBoolean() && !sent.path("plan").asBoolean(), sent.toString());
    }

    @Test
    void rejectingGate_rejects() {
        assertEquals(GateAnswer.rejected("change-check", "CHG-1234 was rejected by the CAB"),
                ask(GateServer.Behaviour.REJECT));
    }

    @Test
    void pendingGate_isPending() {
        assertEquals(GateAnswer.pending("change-check", "waiting for the CAB"), ask(GateServer.Behaviour.PENDING));
    }

    @Test
    void slowGate_isPending_afterItsTimeout() {
        server.behaviour = GateServer.Behaviour.HANG;
        GateAnswer answer = gate(Duration.ofMillis(500)).ask(REQUEST);
        assertEquals(Status.PENDING, answer.status());
        assertTrue(answer.comment().contains("could not be reached"), answer.comment());
    }

    @Test
    void failingGate_isPending() {
        GateAnswer answer = ask(GateServer.Behaviour.FAIL);
        assertEquals(GateAnswer.pending("change-check", "the gate answered HTTP 500"), answer);
    }

    @Test
    void lyingGate_withABadSignature_isPending_neverApproved() {
        assertEquals(GateAnswer.pending("change-check", "the answer's signature does not verify"),
                ask(GateServer.Behaviour.LIE));
    }

    @Test
    void replayedApproval_forAnotherRequest_isPending() {
        assertEquals(GateAnswer.pending("change-check", "the answer is not for this request"),
                ask(GateServer.Behaviour.REPLAY));
    }

    @Test
    void unreachableGate_isPending() {
        HttpGate gate = HttpGate.builder().name("change-check").uri(URI.create("http://127.0.0.1:1/gate"))
                .secret(SECRET.getBytes(StandardCharsets.UTF_8)).timeout(Duration.ofMillis(500)).build();
        assertEquals(Status.PENDING, gate.ask(REQUEST).status());
    }

    @Test
    void secret_neverShows_inToString() {
        assertFalse(gate().toString().contains(SECRET), gate().toString());
    }

    @Test
    void missingSecretVariable_isRefused_namingTheVariableNotAValue() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> HttpGate.builder()
                .secretFromEnvironment("AIRLOCK_GATE_SECRET", name -> null));
        assertTrue(e.getMessage().contains("AIRLOCK_GATE_SECRET"), e.getMessage());
    }
}
