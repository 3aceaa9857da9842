package dev.airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The AWS SDK loggers that print secrets at debug (the SigV4 canonical request carries the
 * x-amz-security-token header; HTTP client header and wire logs carry tokens, AssumeRole answers and
 * external ids) stay at warn in the CLI even when a user turns everything else up to trace.
 */
class SdkLoggersPinnedTest {
    static final List<String> PINNED = List.of("software.amazon.awssdk.request",
            "software.amazon.awssdk.http.auth.aws.internal.signer.DefaultV4RequestSigner",
            "software.amazon.awssdk.auth.signer.internal.AbstractAws4Signer",
            "software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient",
            "org.apache.hc.client5.http.wire", "org.apache.hc.client5.http.headers", "org.apache.http.wire",
            "org.apache.http.headers", "io.netty.handler.logging.LoggingHandler");

    @Test
    void sdkWireHeaderAndSignerLoggers_stayAtWarn_whenEverythingElseIsAtTrace() throws Exception {
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=trace",
                "-Dorg.slf4j.simpleLogger.log.software.amazon.awssdk=trace",
                "-Dorg.slf4j.simpleLogger.log.dev.airlock=trace", "-cp", System.getProperty("java.class.path"),
                Probe.class.getName()).redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(probe.waitFor(1, TimeUnit.MINUTES), "the probe ended");
        assertEquals(0, probe.exitValue(), output);

        assertTrue(output.contains("software.amazon.awssdk.core debug=true"), "the user's level applies: " + output);
        assertTrue(output.contains("dev.airlock.cli debug=true"), output);
        for (String name : PINNED) {
            assertTrue(output.contains(name + " info=false"), name + " stays at warn: " + output);
        }
    }

    /** Runs in a fresh JVM, so slf4j-simple reads the CLI's simplelogger.properties and the probe's flags. */
    public static final class Probe {
        private Probe() {
        }

        public static void main(String[] args) {
            for (String name : List.of("software.amazon.awssdk.core", "dev.airlock.cli")) {
                System.out.println(name + " debug=" + LoggerFactory.getLogger(name).isDebugEnabled());
            }
            for (String name : PINNED) {
                System.out.println(name + " info=" + LoggerFactory.getLogger(name).isInfoEnabled());
            }
        }
    }
}
