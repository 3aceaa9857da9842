package dev.airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** {@code --help} on every command, and {@code airlock help}, through the real ./airlock script. */
class HelpCliIT {
    /** Every command path of the real command model, e.g. {@code [register]} and {@code [ledger, repair]}. */
    static Stream<List<String>> commands() {
        List<List<String>> out = new ArrayList<>();
        collect(AirlockCli.commandLine(), List.of(), out);
        return out.stream();
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> out) {
        command.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommand() instanceof CommandLine.HelpCommand) {
                return;
            }
            List<String> subPath = new ArrayList<>(path);
            subPath.add(name);
            out.add(subPath);
            collect(sub, subPath, out);
        });
    }

    @ParameterizedTest(name = "airlock {0} --help")
    @MethodSource("commands")
    void help_onEveryCommand_showsUsageAndAnExample(List<String> command) {
        List<String> args = new ArrayList<>(command);
        args.add("--help");

        AirlockScript.Result result = AirlockScript.run(args.toArray(String[]::new));

        assertEquals(0, result.exitCode(), result.all());
        assertTrue(result.out().startsWith("Usage: airlock " + String.join(" ", command)), result.all());
        assertTrue(result.out().contains("Example:\n  airlock " + command.get(0)), result.all());
    }

    @Test
    void helpCommand_namesEveryCommand_andHelpsWithOne() {
        AirlockScript.Result all = AirlockScript.run("help");
        AirlockScript.Result one = AirlockScript.run("help", "register");

        assertEquals(0, all.exitCode(), all.all());
        commands().filter(c -> c.size() == 1).forEach(c -> assertTrue(all.out().contains("  " + c.get(0) + " "), c + "\n" + all.out()));
        assertEquals(0, one.exitCode(), one.all());
        assertTrue(one.out().startsWith("Usage: airlock register"), one.all());
    }
}
