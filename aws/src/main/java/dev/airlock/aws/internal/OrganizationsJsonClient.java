package dev.airlock.aws.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.aws.OrganizationsException;
import dev.airlock.aws.OrganizationsReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * An {@link OrganizationsReader} that speaks Organizations' AWS JSON 1.1 protocol itself: {@code POST /} with
 * {@code X-Amz-Target: AWSOrganizationsV20161128.<operation>}, signed with SigV4 for {@code organizations} in
 * us-east-1 (Organizations' one endpoint in the aws partition). Throttling and 5xx answers are asked again,
 * twice, after a short pause; every other refusal is an {@link OrganizationsException} at once.
 */
public final class OrganizationsJsonClient implements OrganizationsReader {
    /** Organizations' endpoint in the aws partition. */
    public static final URI AWS_ENDPOINT = URI.create("https://organizations.us-east-1.amazonaws.com");
    static final String SIGNING_NAME = "organizations";
    static final String SIGNING_REGION = "us-east-1";
    static final String TARGET_PREFIX = "AWSOrganizationsV20161128.";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ATTEMPTS = 3;
    private static final int MAX_PAGES = 1_000;

    private final SdkHttpClient http;
    private final boolean ownsHttp;
    private final AwsCredentialsProvider credentials;
    private final URI endpoint;
    private final @Nullable Integer pageSize;
    private final Duration pause;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    /**
     * @param ownsHttp whether {@link #close()} closes {@code http}
     * @param pageSize MaxResults per page, or null for Organizations' default
     * @param pause    the first pause before asking again after throttling (doubled each time)
     */
    public OrganizationsJsonClient(SdkHttpClient http, boolean ownsHttp, AwsCredentialsProvider credentials,
            @Nullable URI endpoint, @Nullable Integer pageSize, Duration pause) {
        this.http = http;
        this.ownsHttp = ownsHttp;
        this.credentials = credentials;
        this.endpoint = endpoint == null ? AWS_ENDPOINT : endpoint;
        this.pageSize = pageSize;
        this.pause = pause;
    }

    @Override
    public List<PolicySummary> serviceControlPolicies(String targetId) {
        List<PolicySummary> policies = new ArrayList<>();
        String token = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            ObjectNode request = JSON.createObjectNode().put("TargetId", targetId)
                    .put("Filter", "SERVICE_CONTROL_POLICY");
            if (pageSize != null) {
                request.put("MaxResults", pageSize);
            }
            if (token != null) {
                request.put("NextToken", token);
            }
            JsonNode answer = call("ListPoliciesForTarget", request);
            for (JsonNode policy : answer.path("Policies")) {
                policies.add(new PolicySummary(policy.path("Id").asText(), policy.path("Name").asText(),
                        policy.path("AwsManaged").asBoolean(false)));
            }
            token = answer.path("NextToken").isTextual() && !answer.path("NextToken").asText().isEmpty()
                    ? answer.path("NextToken").asText() : null;
            if (token == null) {
                return policies;
            }
        }
        throw new OrganizationsException("TooManyPages", 200, "ListPoliciesForTarget for " + targetId
                + " still had a NextToken after " + MAX_PAGES + " pages");
    }

    @Override
    public String policyContent(String policyId) {
        JsonNode answer = call("DescribePolicy", JSON.createObjectNode().put("PolicyId", policyId));
        JsonNode content = answer.path("Policy").path("Content");
        if (!content.isTextual()) {
            throw new OrganizationsException("MalformedAnswer", 200, "DescribePolicy for " + policyId
                    + " answered without Policy.Content");
        }
        return content.asText();
    }

    @Override
    public List<Parent> parents(String childId) {
        List<Parent> parents = new ArrayList<>();
        for (JsonNode parent : call("ListParents", JSON.createObjectNode().put("ChildId", childId)).path("Parents")) {
            parents.add(new Parent(parent.path("Id").asText(), parent.path("Type").asText()));
        }
        return parents;
    }

    /** One operation, asked again after throttling or a 5xx. */
    JsonNode call(String operation, ObjectNode body) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(operation, body.toString().getBytes(StandardCharsets.UTF_8));
            } catch (OrganizationsException e) {
                if (!e.throttled() || attempt == ATTEMPTS) {
                    throw e;
                }
                sleep(pause.multipliedBy(1L << (attempt - 1)));
            }
        }
    }

    private JsonNode once(String operation, byte[] body) {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .encodedPath(endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty() ? "/" : endpoint.getRawPath())
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", TARGET_PREFIX + operation)
                .putHeader("Content-Length", Integer.toString(body.length))
                .build();
        SignedRequest signed = signer.sign(r -> r.identity(credentials.resolveCredentials()).request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SIGNING_NAME)
                .putProperty(AwsV4HttpSigner.REGION_NAME, SIGNING_REGION));
        HttpExecuteResponse response;
        byte[] answer;
        try {
            response = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null)).build()).call();
            answer = response.responseBody().isPresent() ? readAll(response.responseBody().get()) : new byte[0];
        } catch (IOException e) {
            throw SdkClientException.create("Organizations " + operation + " at " + endpoint + " failed: "
                    + e.getMessage(), e);
        }
        int status = response.httpResponse().statusCode();
        JsonNode json = parse(answer);
        if (status / 100 != 2) {
            throw error(status, response.httpResponse().firstMatchingHeader("x-amzn-ErrorType").orElse(null),
                    json == null ? JSON.createObjectNode() : json, answer);
        }
        if (json == null) {
            throw new OrganizationsException("MalformedAnswer", status, operation + " answered what is not JSON: "
                    + new String(answer, StandardCharsets.UTF_8));
        }
        return json;
    }

    private static OrganizationsException error(int status, @Nullable String header, JsonNode json, byte[] answer) {
        String type = json.path("__type").isTextual() ? json.path("__type").asText() : header;
        String code = type == null ? "HTTP" + status : type;
        code = code.substring(code.indexOf('#') + 1);
        if (code.contains(":")) {
            code = code.substring(0, code.indexOf(':'));
        }
        String message = json.path("message").isTextual() ? json.path("message").asText()
                : json.path("Message").isTextual() ? json.path("Message").asText()
                : new String(answer, StandardCharsets.UTF_8);
        return new OrganizationsException(code, status, message);
    }

    private static @Nullable JsonNode parse(byte[] answer) {
        if (answer.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode json = JSON.readTree(answer);
            return json != null && json.isObject() ? json : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] readAll(InputStream body) throws IOException {
        try (body) {
            return body.readAllBytes();
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SdkClientException.create("interrupted while waiting to ask Organizations again", e);
        }
    }

    @Override
    public void close() {
        if (ownsHttp) {
            http.close();
        }
    }

    @Override
    public String toString() {
        return "OrganizationsJsonClient[" + endpoint + "]";
    }
}
