package dev.airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What ./airlock says about a wrong aws backend before it calls AWS: located problems, refused
 * credentials in the file, a local-only option, no credentials in the environment. Exit code 2,
 * never a stack trace, never a secret.
 */
class AwsConfigCliIT {
    @TempDir
    Path dir;

    Path config;
    String sample;

    @BeforeEach
    void setUp() throws IOException {
        sample = Files.readString(AirlockScript.ROOT.resolve("examples/config/airlock-aws.yaml"));
        config = dir.resolve("airlock.yaml");
    }

    private int lineOf(String text, String fragment) {
        String before = text.substring(0, text.indexOf(fragment));
        return (int) before.chars().filter(c -> c == '\n').count() + 1;
    }

    private AirlockScript.Result badInput(Map<String, String> env, String... args) {
        AirlockScript.Result result = AirlockScript.run(env, args);
        assertEquals(2, result.exitCode(), result.all());
        assertFalse(result.all().contains("Exception"), result.all());
        assertFalse(result.all().contains("\tat "), result.all());
        return result;
    }

    @Test
    void badValues_areReportedWithFileLineAndColumn_byValidateAndByEveryCommand() throws IOException {
        String text = sample.replace("bucket: acme-airlock-prod", "bucket: Acme_Prod")
                .replace("      staging:\n", "      qa:\n        bucket: acme-qa\n      staging:\n");
        Files.writeString(config, text);
        String bucketAt = config + ":" + lineOf(text, "Acme_Prod") + ":17: backend.aws.environments.prod.bucket: "
                + "'Acme_Prod' must be an S3 bucket name";
        String qaAt = config + ":" + lineOf(text, "qa:") + ":7: backend.aws.environments.qa: 'qa' is not an "
                + "environment of the landscape";

        for (AirlockScript.Result result : new AirlockScript.Result[] {
                badInput(Map.of(), "validate", config.toString()),
                badInput(Map.of(), "status", "--config", config.toString())}) {
            assertTrue(result.err().contains(bucketAt), result.err());
            assertTrue(result.err().contains(qaAt), result.err());
            assertTrue(result.err().contains("airlock: 2 problem(s) found"), result.err());
        }
    }

    @Test
    void credentialsInTheFile_areRefusedWithoutShowingThem() throws IOException {
        String text = sample.replace("    region: eu-central-1", "    region: eu-central-1\n"
                + "    secretAccessKey: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        Files.writeString(config, text);

        AirlockScript.Result result = badInput(Map.of(), "status", "--config", config.toString());

        assertTrue(result.err().contains(config + ":" + lineOf(text, "secretAccessKey") + ":5: "
                + "backend.aws.secretAccessKey: credentials never belong in the configuration file"), result.err());
        assertFalse(result.all().contains("wJalrXUtnFEMI"), result.all());
    }

    @Test
    void stateDirectory_isForTheLocalBackendOnly() throws IOException {
        Files.writeString(config, sample);

        AirlockScript.Result result = badInput(Map.of(), "status", "--config", config.toString(), "--state",
                dir.resolve("state").toString());

        assertTrue(result.err().contains("--state: '" + dir.resolve("state")
                + "' (from --state or $AIRLOCK_STATE) is a directory for backends that keep their state on this machine, "
                + "but the aws backend keeps artifacts and the ledger in S3 and ECR"), result.err());
    }

    @Test
    void noCredentialsInTheEnvironment_isSaidBeforeAnyCall() throws IOException {
        Files.writeString(config, sample);
        Map<String, String> env = new HashMap<>();
        for (String name : new String[] {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
                "AWS_PROFILE", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
                "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"}) {
            env.put(name, null);
        }
        env.put("AWS_CONFIG_FILE", "/dev/null");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        env.put("AWS_EC2_METADATA_DISABLED", "true");

        AirlockScript.Result result = badInput(env, "status", "--config", config.toString());

        int awsLine = List.of(sample.split("\n")).indexOf("  aws:") + 1;
        assertTrue(result.err().contains(config + ":" + awsLine + ":3: backend.aws: no AWS credentials found for the tooling "
                + "account: set AWS_ACCESS_KEY_ID"), result.err());
    }
}
