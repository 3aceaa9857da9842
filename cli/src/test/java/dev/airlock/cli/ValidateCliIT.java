package dev.airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCliIT {

    @Test
    void validate_onTheSample_printsTheLandscapeAndExitsZero() {
        AirlockScript.Result result = AirlockScript.run("validate", "examples/config/airlock.yaml");

        assertEquals(0, result.exitCode(), result.all());
        assertTrue(result.out().contains("examples/config/airlock.yaml is valid."), result.out());
        assertTrue(result.out().contains("prod-eu    production   555555555555"), result.out());
        assertTrue(result.out().contains("staging -> prod-eu, prod-us"), result.out());
    }

    @Test
    void validate_onABrokenFile_listsEveryProblemWithItsPositionAndExitsTwo(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, String.join("\n",
                "version: 1",
                "accounts: {tooling: \"111111111111\", security: \"999999999999\"}",
                "environments:",
                "  - name: dev",
                "    account: \"1234\"",
                "    regions: [eu-central-1]",
                "    tier: development",
                "    deployRole: arn:aws:iam::222222222222:role/deploy",
                "    colour: blue",
                "pipeline: {promotions: []}",
                ""));

        AirlockScript.Result result = AirlockScript.run("validate", broken.toString());

        assertEquals(2, result.exitCode(), result.all());
        assertTrue(result.err().contains(broken + ":5:14: account: '1234' must be exactly 12 digits"), result.err());
        assertTrue(result.err().contains(broken + ":9:5: unknown key 'colour'"), result.err());
        assertFalse(result.all().contains("Exception"), result.all());
        assertFalse(result.all().contains("\tat "), result.all());
    }

    @Test
    void unknownCommand_printsUsageAndExitsTwo() {
        AirlockScript.Result result = AirlockScript.run("frobnicate");

        assertEquals(2, result.exitCode(), result.all());
        assertTrue(result.err().contains("Usage: airlock"), result.err());
    }

    @Test
    void unknownOption_printsUsageAndExitsTwo() {
        AirlockScript.Result result = AirlockScript.run("validate", "--bogus", "examples/config/airlock.yaml");

        assertEquals(2, result.exitCode(), result.all());
        assertTrue(result.err().contains("Unknown option: '--bogus'"), result.err());
        assertTrue(result.err().contains("Usage: airlock validate"), result.err());
    }

    @Test
    void version_printsTheBuildVersion() {
        AirlockScript.Result result = AirlockScript.run("--version");

        assertEquals(0, result.exitCode(), result.all());
        assertTrue(result.out().startsWith("airlock 0."), result.out());
    }
}
