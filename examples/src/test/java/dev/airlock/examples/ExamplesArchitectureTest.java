package dev.airlock.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** What a team copies from here must work with the public API alone. */
class ExamplesArchitectureTest {
    @Test
    void examples_useNoInternalPackage() {
        noClasses().should().dependOnClassesThat().resideInAPackage("dev.airlock.internal..")
                .because("internal packages may change in any release; examples show the API")
                .allowEmptyShould(false).check(new ClassFileImporter().importPackages("dev.airlock.examples"));
    }
}
