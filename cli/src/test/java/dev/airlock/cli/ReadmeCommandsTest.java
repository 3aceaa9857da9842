package dev.airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every command line the README shows parses with the real command model: no missing or unknown options. */
class ReadmeCommandsTest {
    static Stream<ReadmeCommands.Line> lines() {
        return Stream.concat(ReadmeCommands.table().stream(), ReadmeCommands.scripts().stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lines")
    void readmeCommandLine_parses(ReadmeCommands.Line line) {
        try {
            AirlockCli.commandLine().parseArgs(line.args().toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            fail(line + " is refused: " + e.getMessage());
        }
    }

    @Test
    void theTable_namesEveryCommand() {
        List<String> documented = ReadmeCommands.table().stream().map(line -> line.args().get(0)).toList();
        AirlockCli.commandLine().getSubcommands().keySet().stream().filter(name -> !name.equals("help"))
                .forEach(name -> assertTrue(documented.contains(name), "the README's command table lacks " + name));
    }

    @Test
    void theReadme_showsCommandLines() {
        assertTrue(ReadmeCommands.table().size() >= 15, ReadmeCommands.table().toString());
        assertTrue(ReadmeCommands.scripts().size() >= 15, ReadmeCommands.scripts().toString());
    }

    @Test
    void placeholders_areReplacedAndTheShellStops() {
        assertEquals(List.of("promote", "--digest", ReadmeCommands.DIGEST, "--to", "prod"),
                ReadmeCommands.args("promote --digest \"$D\" --to prod || echo \"exit $?: pending\""));
    }
}
