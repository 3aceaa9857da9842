package dev.airlock.testkit.aws;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module's dependency rules: core's API only, JUnit only in the contract kits, no HTTP client. */
class AwsArchitectureTest {
    private static JavaClasses module;

    /**
     * The rules only look at package names, so the import reads the module's class files directly and does
     * not resolve the thousands of SDK model classes they refer to (which would take half a minute).
     */
    @BeforeAll
    static void importTheModule() throws URISyntaxException {
        ArchConfiguration configuration = ArchConfiguration.get();
        boolean resolve = configuration.resolveMissingDependenciesFromClassPath();
        configuration.setResolveMissingDependenciesFromClassPath(false);
        try {
            Path classes = Path.of(AwsWorld.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            module = new ClassFileImporter().importPath(classes.resolve("dev/airlock/testkit"));
        } finally {
            configuration.setResolveMissingDependenciesFromClassPath(resolve);
        }
    }

    @Test
    void nothing_dependsOnCoresInternals() {
        noClasses().should().dependOnClassesThat().resideInAPackage("dev.airlock.internal..").check(module);
    }

    @Test
    void onlyTheContractKits_dependOnJUnit() {
        noClasses().that().resideOutsideOfPackage("dev.airlock.testkit.aws.contract..")
                .should().dependOnClassesThat().resideInAnyPackage("org.junit..", "org.opentest4j..").check(module);
    }

    @Test
    void inMemoryAws_needsNoHttpClient() {
        noClasses().that().resideInAPackage("dev.airlock.testkit.aws..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk.http.apache..",
                        "software.amazon.awssdk.http.apache5..", "software.amazon.awssdk.http.urlconnection..",
                        "software.amazon.awssdk.http.nio..").check(module);
    }
}
