package dev.airlock.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.artifact.ArtifactKind;
import dev.airlock.artifact.Digest;
import dev.airlock.artifact.Provenance;
import dev.airlock.attestation.InMemoryKeys;
import dev.airlock.config.AirlockConfiguration;
import dev.airlock.environment.AccountId;
import dev.airlock.environment.Region;
import dev.airlock.guardrail.Principal;
import dev.airlock.ledger.LedgerTamperedException;
import dev.airlock.promotion.ArtifactRegistration;
import dev.airlock.promotion.PromotionCommand;
import dev.airlock.promotion.PromotionEngine;
import dev.airlock.promotion.PromotionFailedException;
import dev.airlock.promotion.PromotionResult.Status;
import dev.airlock.testkit.EventSchema;
import dev.airlock.testkit.ManualClock;
import dev.airlock.testkit.moto.MotoServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Events from promotions on the aws backend, configured in the file, reach an SQS queue subscribed to
 * the SNS topic and one targeted by an EventBridge rule, on moto; what arrives has the documented form. So
 * do a promotion whose bytes are gone from the origin (promotion.failed) and a ledger edited in its bucket
 * (ledger.tampered, from the fresh process that meets it).
 * A publisher whose topic and bus do not exist loses its events but never fails a promotion.
 */
class EventsOnMotoTest {
    /** Every principal's and builder's signing key, made on first use. */
    private static final InMemoryKeys KEYS = new InMemoryKeys();

    private static final Region REGION = Region.of("eu-central-1");
    private static final String TOOLING = "111111111111";
    private static final String TOPIC_ARN = "arn:aws:sns:eu-central-1:111111111111:airlock-events";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONFIGURATION = """
            version: 1
            accounts: {tooling: "111111111111", security: "999999999999"}
            environments:
              - {name: dev, account: "222222222222", regions: [eu-central-1], tier: development,
                 deployRole: "arn:aws:iam::222222222222:role/airlock-deploy"}
              - {name: prod, account: "444444444444", regions: [eu-central-1], tier: production,
                 deployRole: "arn:aws:iam::444444444444:role/airlock-deploy"}
            pipeline:
              entry: [dev]
              promotions: [{from: dev, to: prod}]
            groups:
              developers: [alice]
              release-managers: [rita, rob]
            policies:
              - id: organization
                version: 1
                attach: organization
                statements:
                  - {id: engineers-promote, kind: permission, groups: [developers, release-managers]}
              - id: production
                version: 1
                attach: {tier: production}
                statements:
                  - {id: one-approval, kind: approvals, count: 1, from: [release-managers], expiresAfter: 24h}
            backend:
              type: aws
              aws:
                region: eu-central-1
                endpoint: %s
                pathStyle: true
                checksumsWhenRequired: true
                originBucket: events-origin
                ledgerBucket: events-ledger
                environments:
                  dev: {bucket: events-dev}
                  prod: {bucket: events-prod}
                events:
                  eventBridge: {bus: %s}
                  sns: {topicArn: "%s"}
                  maxAttempts: 2
                  callTimeout: 5s
            """;

    // Resets moto and makes setup credentials and buckets outside Airlock.
    private final MotoAws aws = new MotoAws();
    private final MotoServer moto = aws.server;
    private final ManualClock clock = ManualClock.at("2026-03-03T09:00:00Z");
    private final Principal alice = new Principal("alice", Set.of("developers"));
    private AwsClientFactory setup;
    private AwsBackend backend;

    @BeforeEach
    void setUp() {
        setup = aws.setupFactory;
        aws.bucket(AccountId.of(TOOLING), "events-origin", false);
        aws.bucket(AccountId.of("999999999999"), "events-ledger", false);
        aws.bucket(AccountId.of("222222222222"), "events-dev", false);
        aws.bucket(AccountId.of("444444444444"), "events-prod", false);
    }

    @AfterEach
    void close() {
        if (backend != null) {
            backend.close();
        }
    }

    private PromotionEngine engine(String bus, String topicArn) {
        AirlockConfiguration configuration = AirlockConfiguration.parse("events.yaml",
                CONFIGURATION.formatted(moto.endpoint(), bus, topicArn), false);
        backend = AwsBackendProvider.backend(configuration).baseCredentials(credentials(TOOLING)).build();
        return PromotionEngine.builder().keyring(KEYS).signers(KEYS).landscape(configuration.landscape()).guardrails(configuration.guardrails())
                .backend(backend).clock(clock).build();
    }

    /** The two queues events arrive in: one subscribed to the topic, one targeted by a rule on the bus. */
    private record Queues(String fromSns, String fromBus) {
    }

    private Queues subscribeQueues(SqsClient sqs) {
        try (SnsClient sns = setup.sns(credentials(TOOLING), REGION);
             EventBridgeClient events = setup.eventBridge(credentials(TOOLING), REGION)) {
            String snsQueue = sqs.createQueue(r -> r.queueName("from-sns")).queueUrl();
            String busQueue = sqs.createQueue(r -> r.queueName("from-eventbridge")).queueUrl();
            String topic = sns.createTopic(r -> r.name("airlock-events")).topicArn();
            assertEquals(TOPIC_ARN, topic);
            sns.subscribe(r -> r.topicArn(topic).protocol("sqs").endpoint(arn(sqs, snsQueue))
                    .attributes(Map.of("RawMessageDelivery", "true")));
            events.createEventBus(r -> r.name("airlock-events"));
            events.putRule(r -> r.name("airlock-to-sqs").eventBusName("airlock-events")
                    .eventPattern("{\"source\": [\"" + EventBridgeEventPublisher.SOURCE + "\"]}"));
            events.putTargets(r -> r.rule("airlock-to-sqs").eventBusName("airlock-events")
                    .targets(software.amazon.awssdk.services.eventbridge.model.Target.builder().id("queue")
                            .arn(arn(sqs, busQueue)).build()));
            return new Queues(snsQueue, busQueue);
        }
    }

    /** What arrived through SNS and through EventBridge (the detail of each envelope), each checked against the schema. */
    private static List<List<JsonNode>> arrived(SqsClient sqs, Queues queues) throws IOException {
        List<JsonNode> fromSns = new ArrayList<>();
        for (Message message : receive(sqs, queues.fromSns())) {
            fromSns.add(JSON.readTree(message.body()));
        }
        List<JsonNode> fromBus = new ArrayList<>();
        for (Message message : receive(sqs, queues.fromBus())) {
            JsonNode envelope = JSON.readTree(message.body());
            assertEquals(EventBridgeEventPublisher.SOURCE, envelope.path("source").asText());
            assertEquals(envelope.path("detail").path("type").asText(), envelope.path("detail-type").asText());
            fromBus.add(envelope.path("detail"));
        }
        for (List<JsonNode> arrived : List.of(fromSns, fromBus)) {
            for (JsonNode event : arrived) {
                assertEquals(List.of(), EventSchema.problems(event.toString()), event.toString());
            }
        }
        return List.of(fromSns, fromBus);
    }

    private static JsonNode ofType(List<JsonNode> arrived, String type) {
        return arrived.stream().filter(e -> e.path("type").asText().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in " + arrived));
    }

    private SqsClient sqs() {
        return SqsClient.builder().endpointOverride(moto.endpoint()).credentialsProvider(credentials(TOOLING))
                .region(software.amazon.awssdk.regions.Region.EU_CENTRAL_1).build();
    }

    @Test
    void promotionEvents_reachSqsThroughSnsAndEventBridge_andMatchTheSchema() throws IOException {
        try (SqsClient sqs = sqs()) {
            Queues queues = subscribeQueues(sqs);

            PromotionEngine engine = engine("airlock-events", TOPIC_ARN);
            Digest digest = register(engine);
            assertEquals(Status.PROMOTED, engine.promote(PromotionCommand.builder(digest, "dev", alice).build()).status());
            engine.markVerified(digest, "dev", alice);
            assertEquals(Status.PENDING, engine.promote(PromotionCommand.builder(digest, "prod", alice).build()).status());
            backend.close(); // sends what is queued
            backend = null;

            for (List<JsonNode> arrived : arrived(sqs, queues)) {
                List<String> types = arrived.stream().map(e -> e.path("type").asText()).sorted().toList();
                assertEquals(List.of("promotion.decided", "promotion.pending", "promotion.promoted"), types);
                JsonNode pending = ofType(arrived, "promotion.pending");
                assertEquals("release-managers", pending.path("data").path("approverGroups").get(0).asText());
                JsonNode missing = pending.path("data").path("missing").get(0);
                assertEquals("one-approval", missing.path("statement").asText(), pending.toString());
                assertEquals("[\"rita\",\"rob\"]", missing.path("approvers").toString(), pending.toString());
                assertEquals(digest.toString(), pending.path("digest").asText());
            }
        }
    }

    @Test
    void aFailedPromotion_andATamperedLedger_reachSqs_andMatchTheSchema() throws IOException {
        try (SqsClient sqs = sqs()) {
            Queues queues = subscribeQueues(sqs);
            PromotionEngine engine = engine("airlock-events", TOPIC_ARN);
            Digest digest = register(engine);
            // The built bytes are gone from the origin (deleted in the tooling account): the copy into dev fails.
            try (S3Client s3 = aws.s3(AccountId.of(TOOLING))) {
                s3.listObjectsV2(r -> r.bucket("events-origin")).contents().stream()
                        .filter(o -> o.key().endsWith(digest.hex()))
                        .forEach(o -> s3.deleteObject(r -> r.bucket("events-origin").key(o.key())));
            }
            assertThrows(PromotionFailedException.class,
                    () -> engine.promote(PromotionCommand.builder(digest, "dev", alice).build()));
            backend.close();

            // An insider with write access to the ledger bucket edits the registration; a fresh process meets it.
            try (S3Client s3 = aws.s3(AccountId.of("999999999999"))) {
                String first = s3.listObjectsV2(r -> r.bucket("events-ledger")).contents().stream()
                        .map(S3Object::key).filter(key -> s3.getObjectAsBytes(r -> r.bucket("events-ledger").key(key))
                                .asUtf8String().contains("\"REGISTERED\"")).findFirst().orElseThrow();
                String edited = s3.getObjectAsBytes(r -> r.bucket("events-ledger").key(first)).asUtf8String()
                        .replace("\"version\":\"1.4.2\"", "\"version\":\"1.4.3\"");
                s3.putObject(r -> r.bucket("events-ledger").key(first), RequestBody.fromString(edited));
            }
            PromotionEngine fresh = engine("airlock-events", TOPIC_ARN);
            assertThrows(LedgerTamperedException.class,
                    () -> fresh.promote(PromotionCommand.builder(digest, "dev", alice).build()));
            backend.close();
            backend = null;

            for (List<JsonNode> arrived : arrived(sqs, queues)) {
                List<String> types = arrived.stream().map(e -> e.path("type").asText()).sorted().toList();
                assertEquals(List.of("ledger.tampered", "promotion.decided", "promotion.failed"), types);
                JsonNode failed = ofType(arrived, "promotion.failed");
                assertEquals("transfer " + digest.shortForm() + " into dev", failed.path("data").path("step").asText(),
                        failed.toString());
                assertEquals(digest.toString(), failed.path("digest").asText());
                JsonNode tampered = ofType(arrived, "ledger.tampered");
                assertEquals("EDITED", tampered.path("data").path("kind").asText(), tampered.toString());
                assertEquals(1, tampered.path("sequence").asLong());
            }
        }
    }

    @Test
    void publishersWithoutATopicOrBus_loseTheirEvents_butNeverFailAPromotion() {
        PromotionEngine engine = engine("no-such-bus", "arn:aws:sns:eu-central-1:111111111111:no-such-topic");
        Digest digest = register(engine);

        assertEquals(Status.PROMOTED, engine.promote(PromotionCommand.builder(digest, "dev", alice).build()).status());
        backend.close();
        backend = null;
    }

    /** Everything in the queue: moto delivers synchronously, so what was published is there. */
    private static List<Message> receive(SqsClient sqs, String queue) {
        List<Message> all = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            List<Message> got = sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages();
            all.addAll(got);
            got.forEach(m -> sqs.deleteMessage(r -> r.queueUrl(queue).receiptHandle(m.receiptHandle())));
        }
        return all;
    }

    private static String arn(SqsClient sqs, String queueUrl) {
        return sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    private Digest register(PromotionEngine engine) {
        return engine.register(new ArtifactRegistration("payments-api", "1.4.2", ArtifactKind.FILE,
                "application/java-archive", new Provenance("github.com/acme/payments", "9f1c2e7", "build-7",
                        "ci@tooling", clock.instant())), new ByteArrayInputStream("payments-api 1.4.2"
                        .getBytes(StandardCharsets.UTF_8)), new Principal("ci@tooling", Set.of())).digest();
    }

    private AwsCredentialsProvider credentials(String account) {
        return aws.credentials(AccountId.of(account));
    }
}
