package dev.airlock.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The CLI is an embedding of the public API: it names no backend and reads nothing internal. */
class CliArchitectureTest {
    private static final JavaClasses CLI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.airlock.cli");

    @Test
    void cli_usesNoInternalPackage() {
        noClasses().should().dependOnClassesThat().resideInAPackage("dev.airlock.internal..")
                .because("internal packages are core's own; the CLI uses the API like any application")
                .allowEmptyShould(false).check(CLI);
    }

    @Test
    void cli_knowsNoBackendByName() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.airlock.aws..", "software.amazon.awssdk..")
                .because("backends are found through the provider SPI; airlock-aws is only on the runtime class path")
                .allowEmptyShould(false).check(CLI);
    }
}
