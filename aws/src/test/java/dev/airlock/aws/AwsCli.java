package dev.airlock.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Runs the AWS CLI against the emulator with given role credentials and nothing else from the
 * environment (no profile, no config file), so its answers are independent of Airlock's code.
 */
final class AwsCli {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final Credentials credentials;

    AwsCli(URI endpoint, Credentials credentials) {
        this.endpoint = endpoint;
        this.credentials = credentials;
    }

    JsonNode json(String... args) {
        try {
            return JSON.readTree(run(args));
        } catch (IOException e) {
            throw new AssertionError("aws " + String.join(" ", args) + " printed no JSON", e);
        }
    }

    String run(String... args) {
        List<String> command = new ArrayList<>(List.of(executable(), "--endpoint-url", endpoint.toString(),
                "--region", MotoAws.REGION.value(), "--output", "json"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("AWS_"));
        env.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
        env.put("AWS_SESSION_TOKEN", credentials.sessionToken());
        env.put("AWS_CONFIG_FILE", "/dev/null");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_PAGER", "");
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("aws " + String.join(" ", args) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new AssertionError("could not run the AWS CLI", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String executable() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String directory : path.split(File.pathSeparator)) {
                File candidate = new File(directory, "aws");
                if (candidate.isFile() && candidate.canExecute()) {
                    return candidate.getPath();
                }
            }
        }
        throw new AssertionError("the AWS CLI ('aws') is not on the PATH; install it with pip install awscli "
                + "(it comes with 'pip install moto[server]>=5.2.1' setups used by these tests)");
    }
}
