package dev.airlock.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fakes work with any test framework: only the JUnit support packages may use JUnit. The in-memory
 * AWS lives in airlock-testkit-aws, so the testkit brings no AWS SDK to its users.
 */
class TestkitArchitectureTest {
    private static JavaClasses testkit;

    @BeforeAll
    static void importTheTestkit() throws URISyntaxException {
        ArchConfiguration configuration = ArchConfiguration.get();
        boolean resolve = configuration.resolveMissingDependenciesFromClassPath();
        configuration.setResolveMissingDependenciesFromClassPath(false);
        try {
            Path classes = Path.of(TestWorld.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            testkit = new ClassFileImporter().importPath(classes.resolve("dev/airlock/testkit"));
        } finally {
            configuration.setResolveMissingDependenciesFromClassPath(resolve);
        }
    }

    @Test
    void onlyTheJUnitSupport_dependsOnJUnit() {
        noClasses().that().resideOutsideOfPackages("dev.airlock.testkit.junit..", "dev.airlock.testkit.contract..")
                .should().dependOnClassesThat().resideInAnyPackage("org.junit..", "org.opentest4j..")
                .check(testkit);
    }

    @Test
    void theJUnitSupport_isNotUsedByTheFakes() {
        noClasses().that().resideOutsideOfPackages("dev.airlock.testkit.junit..")
                .should().dependOnClassesThat().resideInAPackage("dev.airlock.testkit.junit..")
                .check(testkit);
    }

    @Test
    void nothingInTheTestkit_dependsOnTheAwsSdk() {
        noClasses().should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..").check(testkit);
    }

    @Test
    void nothingInTheTestkit_usesCoresInternalPackages() {
        noClasses().should().dependOnClassesThat().resideInAPackage("dev.airlock.internal..")
                .because("the testkit is built on core's API and SPI, as its users' code is").allowEmptyShould(false)
                .check(testkit);
    }
}
