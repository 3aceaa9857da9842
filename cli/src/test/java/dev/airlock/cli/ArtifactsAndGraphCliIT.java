package dev.airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registered artifacts and the pipeline as a picture, through the real ./airlock. */
class ArtifactsAndGraphCliIT {
    @TempDir
    Path dir;

    Path config;
    String first;
    String second;

    @BeforeEach
    void twoVersions_theFirstInDevAndVerified() throws IOException {
        config = dir.resolve("airlock.yaml");
        Files.writeString(config, TimeFreeConfig.strip(
                Files.readString(AirlockScript.ROOT.resolve("examples/config/airlock.yaml"))));
        SampleKeys.create(config);
        first = register("1.4.2");
        second = register("1.4.3");
        ok(airlock("alice", "promote", "--digest", first, "--to", "dev"));
        ok(airlock("deploy-bot", "verified", "--digest", first, "--env", "dev"));
    }

    private String register(String version) throws IOException {
        Path jar = Files.writeString(dir.resolve("payments-api-" + version + ".jar"), "payments-api " + version);
        return ok(airlock("ci@tooling", "register", jar.toString(), "--name", "payments-api", "--version", version,
                "--source-repo", "github.com/acme/payments", "--revision", "rev-" + version)).out().strip();
    }

    private AirlockScript.Result airlock(String as, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config", config.toString(), "--state", dir.resolve("state").toString(), "--as", as));
        return AirlockScript.run(all.toArray(String[]::new));
    }

    private static AirlockScript.Result ok(AirlockScript.Result result) {
        assertEquals(0, result.exitCode(), result.all());
        return result;
    }

    @Test
    void artifacts_listsEveryVersion_withWhereItRuns() throws IOException {
        AirlockScript.Result text = ok(airlock("alice", "artifacts"));
        JsonNode json = new ObjectMapper().readTree(ok(airlock("alice", "artifacts", "-o", "json")).out());

        List<String> lines = text.out().lines().toList();
        assertTrue(lines.get(0).matches("ARTIFACT +DIGEST +SIZE +BUILT FROM +RUNS IN"), text.out());
        assertTrue(lines.get(1).startsWith("payments-api:1.4.2  " + first.substring(0, 19)), text.out());
        assertTrue(lines.get(1).endsWith("github.com/acme/payments@rev-1.4.2  dev"), text.out());
        assertTrue(lines.get(2).endsWith("-"), "1.4.3 runs nowhere: " + text.out());
        assertEquals(2, json.size());
        assertEquals(second, json.get(1).get("digest").asText());
        assertEquals("ci@tooling", json.get(0).get("provenance").get("builder").asText());
        assertEquals("dev", json.get(0).get("runningIn").get(0).asText());
        assertTrue(json.get(0).get("verifiedIn").has("dev"), json.toString());
    }

    @Test
    void artifact_showsOne_byNameAndVersionOrDigest() throws IOException {
        AirlockScript.Result byName = ok(airlock("alice", "artifact", "payments-api:1.4.2"));
        JsonNode byDigest = new ObjectMapper().readTree(ok(airlock("alice", "artifact", first, "-o", "json")).out());
        AirlockScript.Result unknown = airlock("alice", "artifact", "payments-api:9.9.9");

        assertTrue(byName.out().contains("  digest      " + first), byName.out());
        assertTrue(byName.out().contains("  built from  github.com/acme/payments at rev-1.4.2"), byName.out());
        assertTrue(byName.out().contains("  verified in dev since "), byName.out());
        assertEquals("1.4.2", byDigest.get("version").asText());
        assertEquals(ExitCodes.BAD_INPUT, unknown.exitCode(), unknown.all());
        assertTrue(unknown.err().contains("payments-api:9.9.9"), unknown.err());
    }

    @Test
    void graph_drawsThePipelineWithWhatRunsWhere_asMermaidAndDot() throws IOException {
        String mermaid = ok(airlock("alice", "graph")).out();
        String dot = ok(airlock("alice", "graph", "--format", "dot")).out();
        JsonNode json = new ObjectMapper().readTree(ok(airlock("alice", "graph", "-o", "json")).out());

        assertTrue(mermaid.startsWith("flowchart LR\n"), mermaid);
        assertTrue(mermaid.contains("  dev[\"dev<br/>development, 222222222222<br/>payments-api:1.4.2 "
                + first.substring(0, 19) + "\"]"), mermaid);
        assertTrue(mermaid.contains("  staging --> prod_eu\n"), mermaid);
        assertTrue(dot.startsWith("digraph airlock {"), dot);
        assertTrue(dot.contains("  \"staging\" -> \"prod-us\";"), dot);
        assertEquals(4, json.get("promotions").size(), json.toString());
        assertEquals(first, json.get("environments").get(0).get("digest").asText());
    }

    @Test
    void offATerminal_registerAndPromote_printNoProgress_andSayHowMuchInHumanUnits() throws IOException {
        Path jar = Files.writeString(dir.resolve("payments-api-2.0.0.jar"), "x".repeat(3000));
        AirlockScript.Result registered = ok(airlock("ci@tooling", "register", jar.toString(), "--name",
                "payments-api", "--version", "2.0.0", "--source-repo", "github.com/acme/payments", "--revision", "r2"));
        AirlockScript.Result promoted = ok(airlock("alice", "promote", "--digest", registered.out().strip(), "--to", "dev"));

        assertEquals("", registered.err(), "no progress line when stderr is not a terminal");
        assertEquals("", promoted.err(), "no progress line when stderr is not a terminal");
        assertTrue(promoted.out().contains(", 2.9 KiB copied"), promoted.out());
    }
}
