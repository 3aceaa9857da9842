package dev.airlock.testkit.junit;

import dev.airlock.InvalidValueException;
import dev.airlock.promotion.PromotionEngine;
import dev.airlock.testkit.CallLog;
import dev.airlock.testkit.Faults;
import dev.airlock.testkit.InMemoryArtifactStore;
import dev.airlock.testkit.InMemoryLedger;
import dev.airlock.testkit.ManualClock;
import dev.airlock.testkit.TestWorld;
import dev.airlock.testkit.TestWorldBuilder;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives every test method a fresh {@link TestWorld} by parameter injection: declare a parameter of
 * type {@link TestWorld}, {@link PromotionEngine}, {@link ManualClock}, {@link Faults}, {@link CallLog},
 * {@link InMemoryArtifactStore} or {@link InMemoryLedger} and receive the world (or its part) built for that test alone. {@code @BeforeEach}
 * and {@code @AfterEach} methods of the same test receive the same world.
 *
 * <p>With {@code @ExtendWith(AirlockExtension.class)} the world is {@link TestWorld#fourStages()}. To
 * describe your own, register the extension in a field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final AirlockExtension AIRLOCK = AirlockExtension.with(() -> TestWorld.fourStages().noTrust("prod"));
 * }</pre>
 *
 * The description is run again for every test, so nothing leaks from one test into the next.
 */
public final class AirlockExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AirlockExtension.class);
    private static final Set<Class<?>> INJECTABLE = Set.of(TestWorld.class, PromotionEngine.class, ManualClock.class,
            Faults.class, CallLog.class, InMemoryArtifactStore.class, InMemoryLedger.class);

    private final Supplier<TestWorldBuilder> description;

    /** The four-stage world of {@link TestWorld#fourStages()}; used by {@code @ExtendWith}. */
    public AirlockExtension() {
        this(TestWorld::fourStages);
    }

    private AirlockExtension(Supplier<TestWorldBuilder> description) {
        this.description = description;
    }

    /** Builds each test's world from the builder {@code description} returns, called once per test. */
    public static AirlockExtension with(Supplier<TestWorldBuilder> description) {
        return new AirlockExtension(InvalidValueException.requireNonNull("description", description));
    }

    /** Each test's world comes from an Airlock configuration file, the one the {@code airlock} CLI reads. */
    public static AirlockExtension fromConfiguration(Path file) {
        InvalidValueException.requireNonNull("file", file);
        return with(() -> TestWorld.builder().configuration(file));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return INJECTABLE.contains(parameter.getParameter().getType()) && context.getTestMethod().isPresent();
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestWorld world = world(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == TestWorld.class) {
            return world;
        }
        if (type == PromotionEngine.class) {
            return world.engine();
        }
        if (type == ManualClock.class) {
            return world.clock();
        }
        if (type == Faults.class) {
            return world.faults();
        }
        if (type == CallLog.class) {
            return world.calls();
        }
        if (type == InMemoryArtifactStore.class) {
            return world.store();
        }
        if (type == InMemoryLedger.class) {
            return world.ledger();
        }
        throw new ParameterResolutionException("AirlockExtension cannot inject " + type.getName());
    }

    /** One world per test method, kept in the method's store so setup and test methods share it. */
    private TestWorld world(ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(TestWorld.class, type -> build(), TestWorld.class);
    }

    private TestWorld build() {
        TestWorldBuilder builder = description.get();
        if (builder == null) {
            throw new ParameterResolutionException("the AirlockExtension's world description returned null; "
                    + "return a TestWorldBuilder such as TestWorld.fourStages()");
        }
        return builder.build();
    }
}
