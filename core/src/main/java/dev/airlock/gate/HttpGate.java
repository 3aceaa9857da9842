package dev.airlock.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.InvalidValueException;
import dev.airlock.guardrail.GateAnswer;
import dev.airlock.spi.Gate;
import dev.airlock.spi.GateRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gate answered by an HTTP service, after GitHub's custom deployment protection rules. Airlock POSTs
 * a JSON description of the promotion signed with HMAC-SHA256 over the body ({@code X-Airlock-Signature-256:
 * sha256=<hex>}); the service answers {@code 200} with {@code {"delivery": <the request's>, "state":
 * "approved"|"rejected"|"pending", "comment": "..."}}, signed the same way with the same secret. See
 * {@code docs/gates.md}.
 *
 * <p>Only an authenticated answer to this very request can approve: a timeout, a connection error, a
 * status other than 200, a missing or wrong signature, another request's delivery id or an unreadable
 * body all count as pending. The secret never appears in {@link #toString()}, logs or exceptions.
 */
public final class HttpGate implements Gate {
    /** The request and answer format's version, sent as {@code version}. */
    public static final int PROTOCOL_VERSION = 1;
    static final String DELIVERY_HEADER = "X-Airlock-Delivery";
    private static final int MAX_COMMENT = 500;
    private static final Logger LOG = LoggerFactory.getLogger(HttpGate.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final URI uri;
    private final HmacSignature signature;
    private final Duration timeout;
    private final HttpClient client;

    private HttpGate(Builder b) {
        this.name = InvalidValueException.requireNonNull("name", b.name);
        this.uri = InvalidValueException.requireNonNull("uri", b.uri);
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw new InvalidValueException("uri", uri, "must be an http or https address");
        }
        this.signature = new HmacSignature(InvalidValueException.requireNonNull("secret", b.secret));
        this.timeout = b.timeout;
        this.client = b.client != null ? b.client : HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public GateAnswer ask(GateRequest request) {
        String delivery = UUID.randomUUID().toString();
        byte[] body = body(request, delivery);
        HttpRequest http = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json")
                .header(HmacSignature.HEADER, signature.sign(body))
                .header(DELIVERY_HEADER, delivery)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(http, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            LOG.warn("gate '{}' at {} could not be asked ({}); counted as pending", name, uri, e.getClass().getSimpleName());
            return GateAnswer.pending(name, "the gate could not be reached (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return GateAnswer.pending(name, "interrupted while asking the gate");
        }
        return answer(response, delivery);
    }

    private GateAnswer answer(HttpResponse<byte[]> response, String delivery) {
        if (response.statusCode() != 200) {
            LOG.warn("gate '{}' at {} answered HTTP {}; counted as pending", name, uri, response.statusCode());
            return GateAnswer.pending(name, "the gate answered HTTP " + response.statusCode());
        }
        if (!signature.verifies(response.body(), response.headers().firstValue(HmacSignature.HEADER).orElse(null))) {
            LOG.warn("gate '{}' at {} answered without a valid signature; counted as pending", name, uri);
            return GateAnswer.pending(name, "the answer's signature does not verify");
        }
        try {
            JsonNode json = JSON.readTree(response.body());
            if (json == null || !delivery.equals(json.path("delivery").asText(null))) {
                return GateAnswer.pending(name, "the answer is not for this request");
            }
            GateAnswer.Status status = GateAnswer.Status.parse(json.path("state").asText(""));
            return new GateAnswer(name, status, comment(json.path("comment").asText("")));
        } catch (IOException | InvalidValueException e) {
            LOG.warn("gate '{}' at {} answered something unreadable; counted as pending", name, uri);
            return GateAnswer.pending(name, "the answer could not be read");
        }
    }

    /** The comment as decisions may show it: one line, bounded. */
    private static String comment(String text) {
        String line = text.replaceAll("\\p{Cntrl}", " ").strip();
        return line.length() <= MAX_COMMENT ? line : line.substring(0, MAX_COMMENT) + "…";
    }

    private byte[] body(GateRequest request, String delivery) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", PROTOCOL_VERSION);
        json.put("delivery", delivery);
        json.put("gate", name);
        json.put("promotionId", request.promotionId());
        json.put("digest", request.digest().toString());
        json.put("artifact", Map.of("name", request.artifact(), "version", request.version()));
        json.put("source", request.source());
        json.put("target", request.target());
        json.put("principal", request.principal());
        json.put("attributes", new java.util.TreeMap<>(request.attributes()));
        json.put("breakGlass", request.breakGlass());
        json.put("rollback", request.rollback());
        json.put("plan", request.plan());
        try {
            return JSON.writeValueAsString(json).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode the gate request", e);
        }
    }

    @Override
    public String toString() {
        return "HttpGate[" + name + " -> " + uri + ", timeout " + timeout + "]";
    }

    /** Configures an HTTP gate; {@link #build()} copies, so a builder can make several. */
    public static final class Builder {
        private @Nullable String name;
        private @Nullable URI uri;
        private byte @Nullable [] secret;
        private Duration timeout = Duration.ofSeconds(5);
        private @Nullable HttpClient client;

        private Builder() {
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder uri(URI uri) {
            this.uri = uri;
            return this;
        }

        /** The shared secret that signs requests and authenticates answers. */
        public Builder secret(byte[] secret) {
            this.secret = secret.clone();
            return this;
        }

        /**
         * The secret read from the environment variable {@code variable} through {@code environment}
         * ({@code System::getenv} in production): configuration files name the variable, never the secret.
         */
        public Builder secretFromEnvironment(String variable, Function<String, @Nullable String> environment) {
            String value = environment.apply(variable);
            if (value == null || value.isEmpty()) {
                throw new InvalidValueException("secretEnv", variable,
                        "must name an environment variable that is set to the gate's shared secret");
            }
            this.secret = value.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        /** How long one request may take, connection included (5 seconds unless set). */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new InvalidValueException("timeout", timeout, "must be a positive duration");
            }
            this.timeout = timeout;
            return this;
        }

        /** The HTTP client to use instead of a new one. */
        public Builder client(HttpClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        public HttpGate build() {
            return new HttpGate(this);
        }
    }
}
