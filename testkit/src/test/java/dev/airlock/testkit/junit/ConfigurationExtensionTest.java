package dev.airlock.testkit.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.airlock.testkit.TestWorld;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A world from the configuration file the airlock CLI reads. */
class ConfigurationExtensionTest {
    @RegisterExtension
    final AirlockExtension airlock = AirlockExtension.fromConfiguration(Path.of("..", "examples", "config", "airlock.yaml"));

    @Test
    void loadsTheLandscapeOfTheFile(TestWorld world) {
        assertEquals(5, world.landscape().environments().size());
        assertEquals("arn:aws:iam::555555555555:role/airlock/deploy",
                world.landscape().require("prod-eu").deployRole().toString());
    }
}
