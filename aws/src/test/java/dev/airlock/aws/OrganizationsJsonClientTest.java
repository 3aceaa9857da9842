package dev.airlock.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.aws.internal.OrganizationsJsonClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * The Organizations reader's wire format, against an HTTP client that answers from a script: signed AWS JSON
 * 1.1 requests, every page of ListPoliciesForTarget, and Organizations' errors as {@link OrganizationsException}s,
 * throttling asked again.
 */
class OrganizationsJsonClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Answers each request with the next scripted (status, body), keeping what was sent. */
    private static final class Scripted implements SdkHttpClient {
        final Deque<Object[]> answers = new ArrayDeque<>();
        final List<HttpExecuteRequest> sent = new ArrayList<>();
        final List<String> bodies = new ArrayList<>();

        Scripted answer(int status, String body) {
            answers.add(new Object[] {status, body});
            return this;
        }

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            sent.add(request);
            try {
                bodies.add(new String(request.contentStreamProvider().orElseThrow().newStream().readAllBytes(),
                        StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Object[] answer = answers.removeFirst();
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    byte[] body = ((String) answer[1]).getBytes(StandardCharsets.UTF_8);
                    return HttpExecuteResponse.builder()
                            .response(SdkHttpResponse.builder().statusCode((int) answer[0]).build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body))).build();
                }

                @Override
                public void abort() {
                }
            };
        }

        @Override
        public void close() {
        }
    }

    private final Scripted http = new Scripted();

    private OrganizationsReader reader() {
        return new OrganizationsJsonClient(http, false, StaticCredentialsProvider.create(AwsSessionCredentials.create(
                "ASIAEXAMPLEEXAMPLE", "secret", "token")), null, 2, Duration.ofMillis(1));
    }

    @Test
    void listPoliciesForTarget_sendsASignedJsonRequest_andReadsEveryPage() throws IOException {
        http.answer(200, "{\"Policies\":[{\"Id\":\"p-FullAWSAccess\",\"Name\":\"FullAWSAccess\",\"AwsManaged\":true},"
                + "{\"Id\":\"p-abcd1234\",\"Name\":\"airlock-prod\",\"AwsManaged\":false}],\"NextToken\":\"t2\"}")
                .answer(200, "{\"Policies\":[{\"Id\":\"p-efgh5678\",\"Name\":\"other\",\"AwsManaged\":false}]}");

        assertEquals(List.of(new OrganizationsReader.PolicySummary("p-FullAWSAccess", "FullAWSAccess", true),
                new OrganizationsReader.PolicySummary("p-abcd1234", "airlock-prod", false),
                new OrganizationsReader.PolicySummary("p-efgh5678", "other", false)),
                reader().serviceControlPolicies("444444444444"));

        var request = http.sent.get(0).httpRequest();
        assertEquals("POST", request.method().name());
        assertEquals("https://organizations.us-east-1.amazonaws.com/", request.getUri().toString());
        assertEquals("AWSOrganizationsV20161128.ListPoliciesForTarget", request.firstMatchingHeader("X-Amz-Target")
                .orElseThrow());
        assertEquals("application/x-amz-json-1.1", request.firstMatchingHeader("Content-Type").orElseThrow());
        assertEquals("token", request.firstMatchingHeader("X-Amz-Security-Token").orElseThrow());
        String authorization = request.firstMatchingHeader("Authorization").orElseThrow();
        assertTrue(authorization.startsWith("AWS4-HMAC-SHA256 Credential=ASIAEXAMPLEEXAMPLE/")
                && authorization.contains("/us-east-1/organizations/aws4_request"), authorization);
        JsonNode first = JSON.readTree(http.bodies.get(0));
        assertEquals("444444444444", first.get("TargetId").asText());
        assertEquals("SERVICE_CONTROL_POLICY", first.get("Filter").asText());
        assertEquals(2, first.get("MaxResults").asInt());
        assertEquals("t2", JSON.readTree(http.bodies.get(1)).get("NextToken").asText());
    }

    @Test
    void describePolicy_andListParents_readTheirAnswers() {
        http.answer(200, "{\"Policy\":{\"PolicySummary\":{\"Id\":\"p-abcd1234\"},\"Content\":\"{\\\"Version\\\":"
                + "\\\"2012-10-17\\\"}\"}}").answer(200, "{\"Parents\":[{\"Id\":\"ou-ab12-cdefgh34\",\"Type\":"
                + "\"ORGANIZATIONAL_UNIT\"}]}");
        OrganizationsReader reader = reader();

        assertEquals("{\"Version\":\"2012-10-17\"}", reader.policyContent("p-abcd1234"));
        assertEquals(List.of(new OrganizationsReader.Parent("ou-ab12-cdefgh34", "ORGANIZATIONAL_UNIT")),
                reader.parents("444444444444"));
        assertEquals("AWSOrganizationsV20161128.ListParents", http.sent.get(1).httpRequest()
                .firstMatchingHeader("X-Amz-Target").orElseThrow());
    }

    @Test
    void organizationsErrors_becomeOrganizationsExceptions_withTheirCode() {
        http.answer(400, "{\"__type\":\"AccessDeniedException\",\"Message\":\"You don't have permissions to access "
                + "this resource.\"}")
                .answer(400, "{\"__type\":\"com.amazonaws.organizations#AWSOrganizationsNotInUseException\","
                        + "\"message\":\"Your account is not a member of an organization.\"}")
                .answer(400, "{\"__type\":\"TargetNotFoundException\",\"message\":\"no such target\"}");
        OrganizationsReader reader = reader();

        OrganizationsException denied = assertThrows(OrganizationsException.class,
                () -> reader.serviceControlPolicies("444444444444"));
        OrganizationsException notInUse = assertThrows(OrganizationsException.class, () -> reader.parents("4"));
        OrganizationsException notFound = assertThrows(OrganizationsException.class, () -> reader.parents("5"));

        assertTrue(denied.accessDenied(), denied.getMessage());
        assertEquals("AccessDeniedException (400): You don't have permissions to access this resource.",
                denied.getMessage());
        assertTrue(notInUse.notInUse(), notInUse.getMessage());
        assertEquals("Your account is not a member of an organization.", notInUse.getMessage().substring(
                notInUse.getMessage().indexOf(": ") + 2));
        assertTrue(notFound.notFound(), notFound.getMessage());
    }

    @Test
    void throttling_isAskedAgainTwice_thenReported() {
        String throttled = "{\"__type\":\"TooManyRequestsException\",\"Message\":\"Rate exceeded\"}";
        http.answer(400, throttled).answer(400, throttled).answer(200, "{\"Parents\":[]}");
        assertEquals(List.of(), reader().parents("444444444444"));

        http.answer(400, throttled).answer(400, throttled).answer(400, throttled);
        OrganizationsException e = assertThrows(OrganizationsException.class, () -> reader().parents("444444444444"));
        assertTrue(e.throttled(), e.getMessage());
        assertEquals(6, http.sent.size());
    }

    @Test
    void anEmulatorsEndpoint_isWhereRequestsGo() {
        http.answer(200, "{\"Parents\":[]}");
        new OrganizationsJsonClient(http, false, StaticCredentialsProvider.create(AwsSessionCredentials.create("A",
                "s", "t")), URI.create("http://127.0.0.1:5000"), null, Duration.ZERO).parents("444444444444");

        assertEquals("http://127.0.0.1:5000/", http.sent.get(0).httpRequest().getUri().toString());
        assertTrue(JSON.valueToTree(http.bodies).get(0).asText().equals("{\"ChildId\":\"444444444444\"}"));
    }
}
