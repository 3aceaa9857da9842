package dev.airlock.testkit.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the tests that hold the fake to AWS where moto is laxer and the table that explains each
 * difference in README.md in step: every such test names a row, every row has a test, a moto
 * answer and a reason, and every {@code *Strictness} helper runs only in such tests.
 */
class StrictnessListTest {
    static final String HEADING = "### Where the fake is stricter than moto, because AWS is";
    private static final Set<String> HELPERS = Set.of("S3Strictness", "StsStrictness", "EcrStrictness");

    private static JavaClasses tests;
    private static List<List<String>> rows;

    @BeforeAll
    static void importTestsAndReadTheTable() throws URISyntaxException, IOException {
        ArchConfiguration configuration = ArchConfiguration.get();
        boolean resolve = configuration.resolveMissingDependenciesFromClassPath();
        configuration.setResolveMissingDependenciesFromClassPath(false);
        try {
            Path classes = Path.of(StrictnessListTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            tests = new ClassFileImporter().importPath(classes.resolve("dev/airlock/testkit/aws"));
        } finally {
            configuration.setResolveMissingDependenciesFromClassPath(resolve);
        }
        rows = table(Files.readAllLines(doc(), StandardCharsets.UTF_8));
    }

    @Test
    void everyStrictnessTest_namesExactlyOneRowOfTheTable() {
        for (JavaMethod test : annotated()) {
            String row = test.getAnnotationOfType(StricterThanMoto.class).value();
            long matches = rows.stream().filter(r -> r.get(0).contains(row)).count();

            assertEquals(1, matches, () -> test.getFullName() + " names \"" + row + "\", which matches " + matches
                    + " rows of \"" + HEADING + "\"");
            assertTrue(test.isAnnotatedWith(Test.class), () -> test.getFullName() + " is not a @Test");
        }
    }

    @Test
    void everyRowOfTheTable_hasATestMotosAnswerAndAReason() {
        Set<String> named = annotated().stream().map(t -> t.getAnnotationOfType(StricterThanMoto.class).value())
                .collect(Collectors.toSet());
        assertFalse(rows.isEmpty(), "the table under \"" + HEADING + "\" is missing");

        for (List<String> row : rows) {
            assertEquals(3, row.size(), () -> "row " + row + " has three cells: behaviour, moto, why it matters");
            assertTrue(named.stream().anyMatch(row.get(0)::contains), () -> "no @StricterThanMoto test for " + row.get(0));
            assertFalse(row.get(1).isBlank(), () -> "no moto answer for " + row.get(0));
            assertFalse(row.get(2).isBlank(), () -> "no reason for " + row.get(0));
        }
    }

    @Test
    void strictnessHelpers_runOnlyInStrictnessTests() {
        Set<String> unmarked = new TreeSet<>();
        Set<String> unused = new TreeSet<>();
        for (JavaMethod helper : helpers()) {
            List<JavaMethod> callers = helper.getCallsOfSelf().stream()
                    .filter(call -> call.getOrigin() instanceof JavaMethod)
                    .map(call -> (JavaMethod) call.getOrigin())
                    .filter(caller -> !HELPERS.contains(caller.getOwner().getSimpleName()))
                    .toList();
            if (callers.isEmpty()) {
                unused.add(helper.getFullName());
            }
            callers.stream().filter(caller -> !caller.isAnnotatedWith(StricterThanMoto.class))
                    .forEach(caller -> unmarked.add(caller.getFullName()));
        }

        assertEquals(Set.of(), unmarked, "tests calling *Strictness helpers without @StricterThanMoto");
        assertEquals(Set.of(), unused, "*Strictness helpers that no test runs");
    }

    private static List<JavaMethod> annotated() {
        List<JavaMethod> annotated = new ArrayList<>();
        tests.forEach(c -> c.getMethods().stream().filter(m -> m.isAnnotatedWith(StricterThanMoto.class))
                .forEach(annotated::add));
        assertFalse(annotated.isEmpty(), "no @StricterThanMoto tests found");
        return annotated;
    }

    /** The behaviour helpers of the *Strictness classes: package-visible static methods returning nothing. */
    private static List<JavaMethod> helpers() {
        List<JavaMethod> helpers = new ArrayList<>();
        tests.stream().filter(c -> HELPERS.contains(c.getSimpleName())).forEach(c -> c.getMethods().stream()
                .filter(m -> m.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.STATIC))
                .filter(m -> !m.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PRIVATE))
                .filter(m -> !m.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.SYNTHETIC))
                .filter(m -> m.getRawReturnType().getName().equals("void"))
                .forEach(helpers::add));
        assertEquals(3, helpers.stream().map(m -> m.getOwner().getSimpleName()).distinct().count());
        return helpers;
    }

    /** The cells of each row of the first table under {@link #HEADING}, header and separator left out. */
    static List<List<String>> table(List<String> lines) {
        int start = lines.indexOf(HEADING);
        assertTrue(start >= 0, "README.md has no heading \"" + HEADING + "\"");
        List<List<String>> table = new ArrayList<>();
        boolean header = true;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ") || (!table.isEmpty() && !line.startsWith("|"))) {
                break;
            }
            if (!line.startsWith("|")) {
                continue;
            }
            if (header || line.startsWith("|---")) {
                header = false;
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (String cell : line.substring(1, line.lastIndexOf('|')).split("\\|", -1)) {
                cells.add(cell.strip());
            }
            table.add(cells);
        }
        return table;
    }

    /** The project's README.md, found from the module directory Maven runs the tests in. */
    private static Path doc() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null) {
            Path candidate = directory.resolve("README.md");
            if (Files.isRegularFile(candidate) && Files.isDirectory(directory.resolve("testkit"))) {
                return candidate;
            }
            directory = directory.getParent();
        }
        throw new AssertionError("README.md not found above " + Path.of("").toAbsolutePath());
    }
}
