package dev.airlock.aws;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.artifact.Digest;
import dev.airlock.aws.internal.ImageManifest;
import dev.airlock.ledger.EntryType;
import dev.airlock.ledger.LedgerChain;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.spi.AccessContext;
import dev.airlock.spi.Place;
import dev.airlock.testkit.ManualClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/**
 * Runs the whole module, successes and failures, with everything logging at trace into a captured
 * stream except the SDK's request, signer and HTTP wire and header loggers, which stay at warn as the
 * CLI pins them (see {@code simplelogger.properties}); then proves no secret access key or session
 * token STS handed out, no external id, nor the base credentials, appears in a log line, an exception
 * message or a toString. Runs on moto
 * ({@link NoSecretsInLogsOnMotoTest}) and in memory ({@link NoSecretsInLogsOnFakesTest}).
 */
abstract class NoSecretsInLogsTest {
    final AwsTarget aws = target().withStorage();
    final ManualClock clock = ManualClock.at(Instant.now());

    abstract AwsTarget target();

    @AfterEach
    void close() {
        aws.close();
    }

    /** The loggers that print secrets at debug (checked on moto: they do) and so stay at warn. */
    static final List<String> PINNED = List.of("software.amazon.awssdk.request",
            "software.amazon.awssdk.http.auth.aws.internal.signer.DefaultV4RequestSigner",
            "software.amazon.awssdk.auth.signer.internal.AbstractAws4Signer", "org.apache.hc.client5.http.wire",
            "org.apache.hc.client5.http.headers", "org.apache.http.wire", "org.apache.http.headers");

    @Test
    void theTestRunsWithEverythingAtDebugButThePinnedSdkLoggers() {
        for (String name : List.of("dev.airlock.aws.RoleChainAccess", "software.amazon.awssdk.core",
                "software.amazon.awssdk.retries", "org.apache.hc.client5.http.impl.classic.InternalHttpClient",
                "io.github.resilience4j")) {
            assertTrue(LoggerFactory.getLogger(name).isDebugEnabled(), name + " logs at debug in this test");
        }
        for (String name : PINNED) {
            assertFalse(LoggerFactory.getLogger(name).isInfoEnabled(), name + " stays at warn");
        }
    }

    @Test
    void noSecretReachesLogsMessagesOrToString() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        List<String> shown = new ArrayList<>();
        System.setErr(new PrintStream(new Tee(original, captured), true, StandardCharsets.UTF_8));
        try {
            exerciseEverything(shown);
        } finally {
            System.setErr(original);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);

        Set<String> secrets = new HashSet<>(aws.recorder().secrets());
        AwsCredentials base = aws.base().resolveCredentials();
        secrets.add(base.secretAccessKey());
        if (base instanceof AwsSessionCredentials session) {
            secrets.add(session.sessionToken());
        }
        for (String externalId : List.of(AwsTarget.DEV_EXTERNAL_ID, AwsTarget.PROD_EXTERNAL_ID)) {
            secrets.add(externalId);
            secrets.add(URLEncoder.encode(externalId, StandardCharsets.UTF_8));
        }
        assertTrue(aws.recorder().secrets().size() >= 8, "several role sessions were assumed and refreshed");
        assertTrue(logs.contains("assumed arn:aws:iam::444444444444:role/airlock-deploy"), "the capture works");
        assertTrue(logs.contains("WARN"), "failure paths logged too");
        for (String secret : secrets) {
            assertFalse(logs.contains(secret), "a secret reached the logs");
            for (String text : shown) {
                assertFalse(text.contains(secret), "a secret reached a message or toString: " + text);
            }
        }
    }

    private void exerciseEverything(List<String> shown) {
        AwsBackend backend = aws.backend(aws.configuration().build(), clock);
        RoleChainAccess access = backend.environmentAccess();
        S3ArtifactStore files = backend.s3Store();
        EcrArtifactStore images = backend.ecrStore();
        String manifest = Images.manifest(Images.blob(50, 1));
        aws.pushBlobs(AwsTarget.TOOLING, AwsTarget.ORIGIN_REPOSITORY, Images.blob(50, 1));
        Digest jar = files.upload(new ByteArrayInputStream(Images.blob(1000, 2)), "application/java-archive").digest();
        Digest image = images.upload(new ByteArrayInputStream(manifest.getBytes(StandardCharsets.UTF_8)),
                ImageManifest.OCI_MANIFEST).digest();
        for (String stage : List.of("dev", "staging", "prod")) {
            try (AwsAccessSession session = access.open(aws.env(stage), new AccessContext("p-" + stage, "alice"))) {
                Place target = Place.of(aws.env(stage));
                files.transfer(jar, target, session);
                images.transfer(image, target, session);
                files.verify(jar, target, session);
                images.verify(image, target, session);
                files.isImmutable(target);
                shown.add(session.toString());
                shown.add(session.credentials().toString());
                shown.add(session.credentials().resolveCredentials().toString());
            }
        }
        backend.ledger().append(LedgerChain.next(null, new LedgerEntry.Draft(EntryType.PROMOTED, "alice", "prod",
                jar, "p-prod", Map.of()), clock.instant()));

        // Refresh: credentials replaced before expiry, and a refresh that fails while the old ones are valid.
        clock.advance(Duration.ofMinutes(13).plusSeconds(30));
        aws.faults().fail("AssumeRole", r -> ((AssumeRoleRequest) r).roleArn().contains("444444444444"),
                FaultInjector.Fault.UNAVAILABLE, 3);
        access.open(aws.env("prod"), new AccessContext("p-refresh", "alice")).close();
        access.open(aws.env("prod"), new AccessContext("p-refresh", "alice")).close();
        clock.advance(Duration.ofMinutes(1));
        access.open(aws.env("prod"), new AccessContext("p-refresh-2", "alice")).close();

        // Failures: denied, throttled, breaker open; their messages are shown to people.
        aws.faults().fail("AssumeRole", r -> ((AssumeRoleRequest) r).roleArn().contains("222222222222"),
                FaultInjector.Fault.ACCESS_DENIED, 1);
        shown.add(assertThrows(RuntimeException.class,
                () -> access.open(aws.env("dev"), new AccessContext("p-denied", "bob"))).toString());
        aws.faults().fail("AssumeRole", r -> ((AssumeRoleRequest) r).roleArn().contains("333333333333"),
                FaultInjector.Fault.THROTTLING, 100);
        for (int i = 0; i < 5; i++) {
            shown.add(assertThrows(RuntimeException.class,
                    () -> access.open(aws.env("staging"), new AccessContext("p-throttled", "carol"))).toString());
        }
        shown.add(access.toString());
        shown.add(backend.toString());
    }

    /** Writes to two streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final ByteArrayOutputStream second;

        Tee(OutputStream first, ByteArrayOutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) {
            synchronized (this) {
                try {
                    first.write(b);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                second.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            synchronized (this) {
                try {
                    first.write(bytes, offset, length);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                second.write(bytes, offset, length);
            }
        }
    }
}
