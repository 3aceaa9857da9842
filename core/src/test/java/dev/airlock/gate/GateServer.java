package dev.airlock.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A real HTTP gate service on a loopback port, speaking the protocol in docs/gates.md, whose behaviour
 * a test chooses: approve, reject, keep pending, hang, fail or lie (sign with the wrong secret).
 */
final class GateServer implements AutoCloseable {
    enum Behaviour { APPROVE, REJECT, PENDING, HANG, FAIL, LIE, REPLAY, APPROVE_AFTER_3S }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final HmacSignature signature;
    private final CountDownLatch released = new CountDownLatch(1);
    final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    final List<Boolean> requestSignaturesValid = new CopyOnWriteArrayList<>();
    volatile Behaviour behaviour = Behaviour.APPROVE;

    GateServer(byte[] secret) throws IOException {
        this.signature = new HmacSignature(secret);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/gate", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/gate");
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        requestSignaturesValid.add(signature.verifies(body, exchange.getRequestHeaders().getFirst(HmacSignature.HEADER)));
        JsonNode request = JSON.readTree(body);
        requests.add(request);
        String delivery = request.path("delivery").asText();
        switch (behaviour) {
            case APPROVE -> answer(exchange, delivery, "approved", "CHG-1234 is approved", signature);
            case REJECT -> answer(exchange, delivery, "rejected", "CHG-1234 was rejected by the CAB", signature);
            case PENDING -> answer(exchange, delivery, "pending", "waiting for the CAB", signature);
            case LIE -> answer(exchange, delivery, "approved", "trust me", new HmacSignature(
                    "not-the-secret".getBytes(StandardCharsets.UTF_8)));
            case REPLAY -> answer(exchange, "an-earlier-delivery", "approved", "replayed", signature);
            case FAIL -> {
                exchange.sendResponseHeaders(500, -1);
                exchange.close();
            }
            case APPROVE_AFTER_3S -> {
                try {
                    if (released.await(3, java.util.concurrent.TimeUnit.SECONDS)) {
                        exchange.close(); // the test ended first
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                answer(exchange, delivery, "approved", "CHG-1234 is approved", signature);
            }
            case HANG -> {
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
            }
        }
    }

    private static void answer(HttpExchange exchange, String delivery, String state, String comment, HmacSignature by)
            throws IOException {
        byte[] body = JSON.writeValueAsBytes(java.util.Map.of("delivery", delivery, "state", state, "comment", comment));
        exchange.getResponseHeaders().add(HmacSignature.HEADER, by.sign(body));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
