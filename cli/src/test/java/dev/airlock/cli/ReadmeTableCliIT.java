package dev.airlock.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The README's command table, run row by row through the real ./airlock against the sample configuration:
 * each answers with a documented outcome, never a usage error or an internal error.
 */
class ReadmeTableCliIT {
    @TempDir
    Path dir;

    @Test
    void everyRowOfTheCommandTable_runsAgainstTheSampleConfiguration() throws IOException {
        Path config = dir.resolve("airlock.yaml");
        Files.writeString(config, TimeFreeConfig.strip(
                Files.readString(AirlockScript.ROOT.resolve("examples/config/airlock.yaml"))));
        SampleKeys.create(config);
        Path jar = Files.writeString(dir.resolve("payments-api.jar"), "payments-api bytes");
        CommandLine model = AirlockCli.commandLine();
        String digest = null;
        List<ReadmeCommands.Line> rows = ReadmeCommands.table();
        assertFalse(rows.isEmpty());
        for (ReadmeCommands.Line row : rows) {
            String command = row.args().get(0);
            if (command.equals("demo")) {
                continue; // DemoCliIT runs it
            }
            List<String> args = new ArrayList<>();
            for (String arg : row.args()) {
                if (arg.equals(ReadmeCommands.DIGEST) && digest != null) {
                    args.add(digest);
                    continue;
                }
                args.add(switch (arg) {
                    case "FILE" -> command.equals("register") ? jar.toString() : config.toString();
                    case "REPO" -> "github.com/acme/payments";
                    case "N" -> "payments-api";
                    default -> arg;
                });
            }
            CommandLine sub = model.getSubcommands().get(command);
            if (args.size() > 1 && sub.getSubcommands().containsKey(args.get(1))) {
                sub = sub.getSubcommands().get(args.get(1)); // ledger repair
            }
            if (sub.getCommandSpec().optionsMap().containsKey("--config")) {
                args.addAll(List.of("--config", config.toString()));
            }
            if (sub.getCommandSpec().optionsMap().containsKey("--state")) {
                args.addAll(List.of("--state", dir.resolve("state").toString()));
            }
            if (sub.getCommandSpec().optionsMap().containsKey("--as")) {
                args.addAll(List.of("--as", command.equals("register") ? "ci@tooling" : "alice"));
            }

            AirlockScript.Result result = AirlockScript.run(args.toArray(String[]::new));

            String shown = row + "\n" + result.all();
            assertNotEquals(ExitCodes.INTERNAL_ERROR, result.exitCode(), shown);
            assertFalse(result.err().contains("Usage:"), shown);
            if (command.equals("register")) {
                digest = result.out().strip();
                assertTrue(digest.matches("sha256:[0-9a-f]{64}"), shown);
            }
        }
    }
}
