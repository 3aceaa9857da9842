package dev.airlock.benchmarks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Benchmarks measure what users get: the public API, not core's internals. */
class BenchmarksArchitectureTest {
    @Test
    void benchmarks_useNoInternalPackageOfCore() {
        noClasses().that().resideInAPackage("dev.airlock.benchmarks")
                .should().dependOnClassesThat().resideInAPackage("dev.airlock.internal..")
                .because("internal packages may change in any release; a figure must hold for the API")
                .allowEmptyShould(false).check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.airlock.benchmarks"));
    }
}
