package dev.airlock.testkit.aws;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AwsArchitectureTest {
    private static JavaClasses fakes;

    /**
     * The rules only look at package names, so the import reads the fakes' class files directly and does
     * not resolve the thousands of SDK model classes they refer to (which would take half a minute).
     */
    @BeforeAll
    static void importTheFakes() throws URISyntaxException {
        ArchConfiguration configuration = ArchConfiguration.get();
        boolean resolve = configuration.resolveMissingDependenciesFromClassPath();
        configuration.setResolveMissingDependenciesFromClassPath(false);
        try {
            Path classes = Path.of(AwsWorld.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            fakes = new ClassFileImporter().importPath(classes.resolve("dev/airlock/testkit/aws"));
        } finally {
            configuration.setResolveMissingDependenciesFromClassPath(resolve);
        }
    }

    @Test
    void inMemoryAws_needsNoJUnit() {
        noClasses().that().resideOutsideOfPackage("dev.airlock.testkit.aws.contract..")
                .should().dependOnClassesThat().resideInAnyPackage("org.junit..", "org.opentest4j..").check(fakes);
    }

    @Test
    void inMemoryAws_needsNoHttpClient() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk.http.apache..",
                "software.amazon.awssdk.http.apache5..", "software.amazon.awssdk.http.urlconnection..",
                "software.amazon.awssdk.http.nio..").check(fakes);
    }
}
