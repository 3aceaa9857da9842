package dev.airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./airlock aws policies}: the shipped aws sample's documents, written without any credentials. */
class AwsPoliciesCliIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void policies_writesEveryDocumentAndTheIndex_andListsThemAsJson() throws Exception {
        Path out = dir.resolve("policies");
        AirlockScript.Result result = AirlockScript.run(Map.of(), "aws", "policies", "--config",
                AirlockScript.ROOT.resolve("examples/config/airlock-aws.yaml").toString(), "--out", out.toString(),
                "--organization-id", "o-a1b2c3d4e5", "-o", "json");

        assertEquals(0, result.exitCode(), result.all());
        JsonNode answer = JSON.readTree(result.out());
        assertTrue(answer.get("files").size() > 10, result.out());
        for (JsonNode file : answer.get("files")) {
            assertTrue(Files.exists(out.resolve(file.asText())), file.asText());
        }
        String index = Files.readString(out.resolve("README.md"));
        assertTrue(index.contains("aws organizations attach-policy"), index);
        try (var files = Files.list(out)) {
            assertTrue(files.filter(f -> f.toString().endsWith("deploy-role-trust.json")).allMatch(f -> read(f)
                    .contains("\"aws:PrincipalOrgID\" : \"o-a1b2c3d4e5\"")), "every deploy trust names the organization");
        }
    }

    @Test
    void policies_onTheLocalBackend_isBadInputSayingWhy() throws Exception {
        Path config = dir.resolve("airlock.yaml");
        Files.writeString(config, Files.readString(AirlockScript.ROOT.resolve("examples/config/airlock.yaml")));

        AirlockScript.Result result = AirlockScript.run(Map.of(), "aws", "policies", "--config", config.toString(),
                "--out", dir.resolve("out").toString());

        assertEquals(2, result.exitCode(), result.all());
        assertTrue(result.err().contains("backend.type: 'local' has no AWS accounts to set up"), result.err());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
