package dev.airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * {@code --metrics} on the aws backend (moto, the shipped examples/config/airlock-aws.yaml) also prints the
 * backend's own meters: every AWS call by service, operation and outcome, and each account's circuit breaker.
 */
class AwsMetricsCliIT {
    @TempDir
    Path dir;

    @Test
    void promote_withMetrics_onAws_printsAwsCallsCircuitBreakersAndLeaseWaits() throws IOException {
        MotoAccounts accounts = new MotoAccounts();
        accounts.bucket(AwsLifecycleCliIT.TOOLING, "acme-airlock-origin");
        accounts.bucket("999999999999", "acme-airlock-ledger");
        accounts.bucket("222222222222", "acme-airlock-dev");
        Path config = dir.resolve("airlock.yaml");
        String sample = Files.readString(AirlockScript.ROOT.resolve("examples/config/airlock-aws.yaml"));
        Files.writeString(config, TimeFreeConfig.strip(sample).replace("http://127.0.0.1:5000",
                accounts.endpoint().toString()));
        SampleKeys.create(config);
        Credentials ci = accounts.signedIn("ci@tooling");
        Credentials alice = accounts.signedIn("alice");
        Path jar = Files.writeString(dir.resolve("payments-api.jar"), "payments-api 1.4.2");
        AirlockScript.Result registered = run(ci, "register", jar.toString(), "--name", "payments-api", "--version",
                "1.4.2", "--source-repo", "github.com/acme/payments", "--revision", "9f1c2e7", "--config",
                config.toString(), "--as", "ci@tooling");
        assertEquals(0, registered.exitCode(), registered.all());
        assertFalse(registered.err().contains("metrics:"), "only --metrics prints meters: " + registered.err());

        AirlockScript.Result promoted = run(alice, "promote", "--digest", registered.out().strip(), "--to", "dev",
                "--config", config.toString(), "--as", "alice", "--metrics");

        assertEquals(0, promoted.exitCode(), promoted.all());
        String err = promoted.err();
        assertTrue(err.contains("airlock.aws.calls{operation=AssumeRole,outcome=ok,service=Sts} count="), err);
        assertTrue(Pattern.compile("airlock\\.aws\\.calls\\{operation=(CopyObject|PutObject|UploadPartCopy),"
                + "outcome=ok,service=S3\\} count=[1-9]").matcher(err).find(), err);
        assertTrue(err.contains("airlock.aws.circuitbreaker.state{account=222222222222,name=aws-account-222222222222,"
                + "state=closed} value=1"), err);
        assertTrue(err.contains("airlock.aws.circuitbreaker.state{account=222222222222,name=aws-account-222222222222,"
                + "state=open} value=0"), err);
        assertTrue(err.contains("airlock.lease.wait{environment=dev,outcome=taken} count=1"), err);
        assertTrue(err.contains("airlock.decisions{environment=dev,outcome=ALLOWED} count=1"), err);
        for (AirlockScript.Result result : List.of(registered, promoted)) {
            for (Credentials c : List.of(ci, alice)) {
                assertFalse(result.all().contains(c.secretAccessKey()), result.all());
                assertFalse(result.all().contains(c.sessionToken()), result.all());
            }
        }
    }

    private static AirlockScript.Result run(Credentials credentials, String... args) {
        Map<String, String> env = new HashMap<>(MotoAccounts.environment(credentials));
        env.put("AIRLOCK_JAVA_OPTS", "-XX:TieredStopAtLevel=1");
        return AirlockScript.run(env, new ArrayList<>(List.of(args)).toArray(String[]::new));
    }
}
