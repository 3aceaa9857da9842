package dev.airlock.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The AWS CLI against the emulator with one role's credentials, so what it reports about an account
 * does not depend on Airlock's code.
 */
final class AwsCommand {
    private final URI endpoint;
    private final Credentials credentials;

    AwsCommand(URI endpoint, Credentials credentials) {
        this.endpoint = endpoint;
        this.credentials = credentials;
    }

    JsonNode json(String... args) {
        try {
            return new ObjectMapper().readTree(run(args));
        } catch (IOException e) {
            throw new AssertionError("aws " + String.join(" ", args) + " printed no JSON", e);
        }
    }

    String run(String... args) {
        List<String> command = new ArrayList<>(List.of(executable(), "--endpoint-url", endpoint.toString(),
                "--region", MotoAccounts.REGION.value(), "--output", "json"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("AWS_"));
        env.putAll(MotoAccounts.environment(credentials));
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
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
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(directory, "aws");
            if (candidate.toFile().canExecute()) {
                return candidate.toString();
            }
        }
        throw new AssertionError("the AWS CLI ('aws') is not on the PATH; install it with pip install awscli");
    }
}
