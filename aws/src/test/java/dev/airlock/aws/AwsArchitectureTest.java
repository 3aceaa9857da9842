package dev.airlock.aws;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** airlock-aws builds on core's public API and SPI only. */
class AwsArchitectureTest {
    private static final JavaClasses AWS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.airlock.aws");

    @Test
    void aws_usesNoInternalPackageOfCore() {
        noClasses().should().dependOnClassesThat().resideInAPackage("dev.airlock.internal..")
                .because("core's internal packages may change in any release; a backend uses the SPI")
                .allowEmptyShould(false).check(AWS);
    }
}
