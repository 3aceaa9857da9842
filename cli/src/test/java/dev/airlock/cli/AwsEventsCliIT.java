package dev.airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.artifact.Digest;
import dev.airlock.testkit.EventSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The real ./airlock on the aws backend (the shipped examples/config/airlock-aws.yaml, on moto) with events
 * configured under {@code backend.aws.events}: a rollback, a promotion whose bytes are gone from the origin
 * and a ledger entry edited in its bucket reach an SQS queue subscribed to the SNS topic before each command
 * exits, in the documented form. Queues, topic and edits are made with the AWS CLI, not with Airlock.
 */
class AwsEventsCliIT {
    private static final String TOOLING = "111111111111";
    private static final String SECURITY = "999999999999";
    private static final String TOPIC_ARN = "arn:aws:sns:eu-central-1:111111111111:airlock-events";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private MotoAccounts accounts;
    private Path config;
    private AwsCommand tooling;
    private String queueUrl;
    private final Map<String, Credentials> signedIn = new HashMap<>();

    @BeforeEach
    void setUp() throws IOException {
        accounts = new MotoAccounts();
        accounts.bucket(TOOLING, "acme-airlock-origin");
        accounts.bucket(SECURITY, "acme-airlock-ledger");
        accounts.bucket("222222222222", "acme-airlock-dev");
        accounts.bucket("333333333333", "acme-airlock-staging");
        accounts.bucket("444444444444", "acme-airlock-prod");
        String sample = TimeFreeConfig.strip(Files.readString(AirlockScript.ROOT.resolve(
                "examples/config/airlock-aws.yaml"))).replace("http://127.0.0.1:5000", accounts.endpoint().toString());
        String anchor = "    checksumsWhenRequired: true\n";
        assertTrue(sample.contains(anchor), "the sample configures the emulator");
        config = dir.resolve("airlock.yaml");
        Files.writeString(config, sample.replace(anchor, anchor + "    events:\n      sns: {topicArn: \"" + TOPIC_ARN
                + "\"}\n"));
        SampleKeys.create(config);

        tooling = new AwsCommand(accounts.endpoint(), accounts.credentials(TOOLING, "setup"));
        String topic = tooling.json("sns", "create-topic", "--name", "airlock-events").path("TopicArn").asText();
        assertEquals(TOPIC_ARN, topic);
        queueUrl = tooling.json("sqs", "create-queue", "--queue-name", "airlock-events").path("QueueUrl").asText();
        String queueArn = tooling.json("sqs", "get-queue-attributes", "--queue-url", queueUrl, "--attribute-names",
                "QueueArn").path("Attributes").path("QueueArn").asText();
        tooling.run("sns", "subscribe", "--topic-arn", topic, "--protocol", "sqs", "--notification-endpoint", queueArn,
                "--attributes", "RawMessageDelivery=true");
    }

    private AirlockScript.Result airlock(String as, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config", config.toString(), "--as", as));
        Map<String, String> env = new HashMap<>(MotoAccounts.environment(signedIn.computeIfAbsent(as,
                accounts::signedIn)));
        env.put("AIRLOCK_JAVA_OPTS", "-XX:TieredStopAtLevel=1");
        return AirlockScript.run(env, all.toArray(String[]::new));
    }

    private static AirlockScript.Result expect(int exitCode, AirlockScript.Result result) {
        assertEquals(exitCode, result.exitCode(), result.all());
        return result;
    }

    private String register(String version) throws IOException {
        Path jar = Files.writeString(dir.resolve("payments-api-" + version + ".jar"), "payments-api " + version);
        return expect(0, airlock("ci@tooling", "register", jar.toString(), "--name", "payments-api", "--version",
                version, "--source-repo", "github.com/acme/payments", "--revision", "9f1c2e7")).out().strip();
    }

    /** Every event in the queue, each checked against the schema. */
    private List<JsonNode> received() throws IOException {
        List<JsonNode> events = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
            JsonNode messages = tooling.json("sqs", "receive-message", "--queue-url", queueUrl,
                    "--max-number-of-messages", "10", "--wait-time-seconds", "1").path("Messages");
            if (messages.isEmpty()) {
                break;
            }
            for (JsonNode message : messages) {
                JsonNode event = JSON.readTree(message.path("Body").asText());
                assertEquals(List.of(), EventSchema.problems(event.toString()), event.toString());
                events.add(event);
                tooling.run("sqs", "delete-message", "--queue-url", queueUrl, "--receipt-handle",
                        message.path("ReceiptHandle").asText());
            }
        }
        return events;
    }

    private static List<JsonNode> ofType(List<JsonNode> events, String type) {
        return events.stream().filter(e -> e.path("type").asText().equals(type)).toList();
    }

    @Test
    void aRollback_aFailedPromotion_andATamperedLedger_areToldThroughSns() throws IOException {
        String good = register("1.4.2");
        expect(0, airlock("alice", "promote", "--digest", good, "--to", "dev"));
        expect(0, airlock("deploy-bot", "verified", "--digest", good, "--env", "dev"));
        String bad = register("1.4.3");
        expect(0, airlock("alice", "promote", "--digest", bad, "--to", "dev"));
        expect(0, airlock("alice", "rollback", "dev"));

        // The bytes of 1.4.4 are deleted from the origin bucket after registration: its copy into dev fails.
        String gone = register("1.4.4");
        String hex = Digest.parse(gone).hex();
        for (JsonNode object : tooling.json("s3api", "list-objects-v2", "--bucket", "acme-airlock-origin")
                .path("Contents")) {
            if (object.path("Key").asText().endsWith(hex)) {
                tooling.run("s3api", "delete-object", "--bucket", "acme-airlock-origin", "--key",
                        object.path("Key").asText());
            }
        }
        expect(1, airlock("alice", "promote", "--digest", gone, "--to", "dev"));

        // An insider with write access to the ledger bucket edits the first entry; the next command meets it.
        AwsCommand security = new AwsCommand(accounts.endpoint(), accounts.credentials(SECURITY, "ledger-admin"));
        String first = security.json("s3api", "list-objects-v2", "--bucket", "acme-airlock-ledger")
                .path("Contents").get(0).path("Key").asText();
        Path entry = dir.resolve("entry.json");
        security.run("s3api", "get-object", "--bucket", "acme-airlock-ledger", "--key", first, entry.toString());
        Files.writeString(entry, Files.readString(entry).replace("\"version\":\"1.4.2\"", "\"version\":\"1.4.9\""));
        security.run("s3api", "put-object", "--bucket", "acme-airlock-ledger", "--key", first, "--body",
                entry.toString());
        expect(1, airlock("alice", "status"));

        List<JsonNode> events = received();
        JsonNode rolledBack = ofType(events, "promotion.rolled-back").get(0);
        assertEquals(good, rolledBack.path("digest").asText(), rolledBack.toString());
        assertEquals(bad, rolledBack.path("data").path("previousDigest").asText(), rolledBack.toString());
        JsonNode failed = ofType(events, "promotion.failed").get(0);
        assertEquals(gone, failed.path("digest").asText(), failed.toString());
        assertTrue(failed.path("data").path("step").asText().startsWith("transfer "), failed.toString());
        List<JsonNode> tampered = ofType(events, "ledger.tampered");
        assertEquals(1, tampered.size(), events.toString());
        assertEquals("EDITED", tampered.get(0).path("data").path("kind").asText(), tampered.toString());
        assertEquals(1, tampered.get(0).path("sequence").asLong());
    }
}
