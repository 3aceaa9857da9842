package dev.airlock;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.airlock.config.AirlockConfiguration;
import dev.airlock.environment.Landscape;
import dev.airlock.spi.fixture.PortThatKnowsTheEngine;
import io.github.resilience4j.fixture.FakeRetry;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.fixture.FakeSdkClient;

/**
 * Core stays cloud-neutral and layered. Each rule is also run against small test-only classes that
 * break it, so a rule that silently matches nothing cannot pass.
 */
class ArchitectureTest {
    /** Imported once for every rule: core's production classes only, never a jar or a test class. */
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dev.airlock");

    static final ArchRule NO_AWS_OR_RESILIENCE4J = noClasses().that().resideInAPackage("dev.airlock..")
            .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk..", "io.github.resilience4j..")
            .because("core runs without a cloud; AWS code and its resilience belong in airlock-aws")
            .allowEmptyShould(false);

    static final ArchRule NO_OTHER_AIRLOCK_MODULES = noClasses().that().resideInAPackage("dev.airlock..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.airlock.aws..", "dev.airlock.testkit..",
                    "dev.airlock.examples..", "dev.airlock.benchmarks..")
            .because("every other module builds on core, never the other way round")
            .allowEmptyShould(false);

    static final ArchRule NO_TEST_FRAMEWORKS = noClasses().that().resideInAPackage("dev.airlock..")
            .should().dependOnClassesThat().resideInAnyPackage("org.junit..", "org.mockito..", "net.jqwik..",
                    "com.tngtech.archunit..")
            .because("test libraries are test-scoped in core")
            .allowEmptyShould(false);

    static final ArchRule SPI_DOES_NOT_KNOW_THE_ENGINE = noClasses().that().resideInAPackage("dev.airlock.spi..")
            .should().dependOnClassesThat().resideInAPackage("dev.airlock.promotion..")
            .because("backends implement ports; the engine uses them, not the other way round")
            .allowEmptyShould(false);

    /** Test-only class in core's package tree that uses the AWS SDK stand-in. */
    static final class UsesAwsSdk {
        private final FakeSdkClient client = new FakeSdkClient();

        String call() {
            return client.call();
        }
    }

    /** Test-only class in core's package tree that uses the Resilience4j stand-in in a signature only. */
    static final class UsesResilience4j {
        int attempts(FakeRetry retry) {
            return retry.maxAttempts();
        }
    }

    @Test
    void importedCoreClasses_areTheProductionClasses() {
        assertTrue(CORE.contain(AirlockConfiguration.class));
        assertTrue(CORE.contain(Landscape.class));
        assertTrue(CORE.stream().noneMatch(c -> c.getName().contains("fixture") || c.getName().endsWith("Test")),
                "test classes must not be part of the checked set");
    }

    @Test
    void core_doesNotDependOnAwsSdkOrResilience4j() {
        NO_AWS_OR_RESILIENCE4J.check(CORE);
    }

    @Test
    void core_doesNotDependOnOtherAirlockModules() {
        NO_OTHER_AIRLOCK_MODULES.check(CORE);
    }

    @Test
    void core_doesNotDependOnTestFrameworks() {
        NO_TEST_FRAMEWORKS.check(CORE);
    }

    @Test
    void spi_doesNotDependOnThePromotionEngine() {
        SPI_DOES_NOT_KNOW_THE_ENGINE.check(CORE);
    }

    @Test
    void awsRule_failsOnAClassUsingTheAwsSdk() {
        AssertionError failure = assertThrows(AssertionError.class, () -> NO_AWS_OR_RESILIENCE4J.check(
                new ClassFileImporter().importClasses(UsesAwsSdk.class, FakeSdkClient.class)));

        assertTrue(failure.getMessage().contains(UsesAwsSdk.class.getName()), failure.getMessage());
        assertTrue(failure.getMessage().contains(FakeSdkClient.class.getName()), failure.getMessage());
    }

    @Test
    void awsRule_failsOnAClassUsingResilience4jInASignature() {
        AssertionError failure = assertThrows(AssertionError.class, () -> NO_AWS_OR_RESILIENCE4J.check(
                new ClassFileImporter().importClasses(UsesResilience4j.class, FakeRetry.class)));

        assertTrue(failure.getMessage().contains(FakeRetry.class.getName()), failure.getMessage());
    }

    @Test
    void testFrameworkRule_failsOnThisTest() {
        AssertionError failure = assertThrows(AssertionError.class, () -> NO_TEST_FRAMEWORKS.check(
                new ClassFileImporter().importClasses(ArchitectureTest.class)));

        assertTrue(failure.getMessage().contains("org.junit.jupiter.api.Test"), failure.getMessage());
    }

    @Test
    void spiRule_failsOnAPortThatUsesTheEngine() {
        AssertionError failure = assertThrows(AssertionError.class, () -> SPI_DOES_NOT_KNOW_THE_ENGINE.check(
                new ClassFileImporter().importPackagesOf(PortThatKnowsTheEngine.class)));

        assertTrue(failure.getMessage().contains(PortThatKnowsTheEngine.class.getName()), failure.getMessage());
    }

    @Test
    void rules_failWhenTheyCheckNoClassAtAll() {
        JavaClasses outsideAirlock = new ClassFileImporter().importClasses(FakeSdkClient.class, List.class);

        for (ArchRule rule : List.of(NO_AWS_OR_RESILIENCE4J, NO_OTHER_AIRLOCK_MODULES, NO_TEST_FRAMEWORKS,
                SPI_DOES_NOT_KNOW_THE_ENGINE)) {
            AssertionError failure = assertThrows(AssertionError.class, () -> rule.check(outsideAirlock));
            assertTrue(failure.getMessage().contains("failed to check any classes"), failure.getMessage());
        }
    }
}
