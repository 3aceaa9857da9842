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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The completion script the real launcher prints, and no colour where no person reads the output. */
class CompletionAndColourCliIT {
    @TempDir
    Path dir;

    @Test
    void completion_printsValidBashThatNamesEveryCommand_andCompletesOne() throws IOException, InterruptedException {
        AirlockScript.Result result = AirlockScript.run("completion");

        assertEquals(0, result.exitCode(), result.all());
        Path script = Files.writeString(dir.resolve("airlock-completion.bash"), result.out());
        assertEquals("", bash("-n", script.toString()));
        AirlockCli.commandLine().getSubcommands().forEach((name, command) -> {
            // picocli names a command's completion function after it, without dashes.
            String function = "function _picocli_airlock_" + name.replace("-", "");
            assertTrue(result.out().contains(function + "()"), "the script does not complete " + name);
            command.getSubcommands().keySet().forEach(sub -> assertTrue(result.out().contains(function + "_" + sub + "()"),
                    "the script does not complete " + name + " " + sub));
        });
        assertEquals("promote", bash("-c", "source " + script + "; COMP_WORDS=(airlock pro); COMP_CWORD=1; "
                + "COMP_LINE='airlock pro'; COMP_POINT=11; _complete_airlock; echo \"${COMPREPLY[@]}\"").strip());
    }

    /** Runs bash with {@code args}; its output, after checking it succeeded. */
    private static String bash(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash"));
        command.addAll(List.of(args));
        Process bash = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(bash.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(bash.waitFor(1, TimeUnit.MINUTES), "bash did not finish");
        assertEquals(0, bash.exitValue(), out);
        return out;
    }

    @Test
    void pipedPlanAndPromote_carryNoEscapeCodes_evenWithoutNoColor() throws IOException {
        Path config = Files.writeString(dir.resolve("airlock.yaml"), TimeFreeConfig.strip(
                Files.readString(AirlockScript.ROOT.resolve("examples/config/airlock.yaml"))));
        SampleKeys.create(config);
        Path jar = Files.writeString(dir.resolve("payments-api.jar"), "payments-api 1.4.2 bytes");
        Map<String, String> env = new HashMap<>();
        env.put("NO_COLOR", null);
        List<String> common = List.of("--config", config.toString(), "--state", dir.resolve("state").toString());
        String digest = run(env, common, "ci@tooling", "register", jar.toString(), "--name", "payments-api",
                "--version", "1.4.2", "--source-repo", "github.com/acme/payments", "--revision", "9f1c2e7").strip();

        String allowed = run(env, common, "alice", "plan", "--digest", digest, "--to", "dev");
        String promoted = run(env, common, "alice", "promote", "--digest", digest, "--to", "dev");
        String denied = run(env, common, "alice", "promote", "--digest", digest, "--from", "dev", "--to", "prod-eu");

        assertTrue(allowed.startsWith("ALLOWED"), allowed);
        assertTrue(promoted.startsWith("PROMOTED"), promoted);
        assertTrue(denied.startsWith("DENIED"), denied);
        for (String out : List.of(allowed, promoted, denied)) {
            assertFalse(out.contains("\u001b["), out);
        }
    }

    private static String run(Map<String, String> env, List<String> common, String as, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(common);
        all.addAll(List.of("--as", as));
        AirlockScript.Result result = AirlockScript.run(env, all.toArray(String[]::new));
        assertTrue(result.exitCode() == 0 || result.exitCode() == 3, result.all());
        return result.out();
    }
}
