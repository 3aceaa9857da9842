package dev.airlock.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.InvalidValueException;
import dev.airlock.config.AirlockConfiguration;
import dev.airlock.config.GateConfiguration;
import dev.airlock.config.InvalidConfigurationException;
import dev.airlock.promotion.PromotionEngine;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code gates:} section names each gate's address and the variable holding its secret, never a secret. */
class GateConfigurationTest {
    private static final String LANDSCAPE = """
            version: 1
            accounts: {tooling: "111111111111", security: "999999999999"}
            environments:
              - {name: dev, account: "222222222222", tier: development, regions: [eu-central-1],
                 deployRole: "arn:aws:iam::222222222222:role/airlock-deploy"}
            pipeline: {entry: [dev], promotions: []}
            """;

    @Test
    void gates_areRead_withTheirDefaults() {
        AirlockConfiguration configuration = AirlockConfiguration.parse("airlock.yaml", LANDSCAPE + """
                gates:
                  change-check: {url: "https://itsm.example.com/gate", secretEnv: CHANGE_SECRET, timeout: 3s}
                  scan: {url: "http://127.0.0.1:8080/scan", secretEnv: SCAN_SECRET}
                """, false);
        assertEquals(List.of(
                new GateConfiguration("change-check", URI.create("https://itsm.example.com/gate"), "CHANGE_SECRET",
                        Duration.ofSeconds(3)),
                new GateConfiguration("scan", URI.create("http://127.0.0.1:8080/scan"), "SCAN_SECRET",
                        Duration.ofSeconds(5))), configuration.gates());
    }

    @Test
    void aSecretInTheFile_isRefused_withoutEchoingIt() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () ->
                AirlockConfiguration.parse("airlock.yaml", LANDSCAPE + """
                        gates:
                          change-check: {url: "https://itsm.example.com/gate", secretEnv: S, secret: hunter2}
                        """, false));
        assertTrue(e.getMessage().contains("gates.change-check"), e.getMessage());
        assertTrue(!e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void aGateWithoutUrl_isRefused_atItsLine() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () ->
                AirlockConfiguration.parse("airlock.yaml", LANDSCAPE + """
                        gates:
                          change-check: {secretEnv: S, url: "ftp://x"}
                        """, false));
        assertTrue(e.getMessage().contains("gates.change-check.url"), e.getMessage());
    }

    @Test
    void gateTimeout_isRead_andIsTenSecondsWhenAbsent() {
        assertEquals(Duration.ofSeconds(45), AirlockConfiguration.parse("airlock.yaml", LANDSCAPE + """
                gateTimeout: 45s
                """, false).gateTimeout());
        assertEquals(Duration.ofSeconds(10), AirlockConfiguration.parse("airlock.yaml", LANDSCAPE, false)
                .gateTimeout());
    }

    @Test
    void gateTimeout_thatIsZeroNegativeTooLongOrNotADuration_isRefused_atItsPosition_namingValueAndRule() {
        assertEquals("airlock.yaml:7:14: gateTimeout: '0s' must be a positive duration; zero and negative "
                + "durations are impossible", refusal("gateTimeout: 0s"));
        assertEquals("airlock.yaml:7:14: gateTimeout: '-5s' must be a positive duration; zero and negative "
                + "durations are impossible", refusal("gateTimeout: -5s"));
        assertEquals("airlock.yaml:7:14: gateTimeout: '2h' must be at most 10m: every promote and plan waits this "
                + "long for its gates before it is decided", refusal("gateTimeout: 2h"));
        assertTrue(refusal("gateTimeout: soon").startsWith("airlock.yaml:7:14: gateTimeout: 'soon' must be a "
                + "positive duration such as 90s"), refusal("gateTimeout: soon"));
        assertTrue(refusal("gateTimeout: {seconds: 5}").startsWith("airlock.yaml:7:14: gateTimeout must be text"),
                refusal("gateTimeout: {seconds: 5}"));
    }

    @Test
    void engineGateTimeout_beyondTenMinutes_isRefusedInCodeToo() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> PromotionEngine.builder()
                .gateTimeout(Duration.ofMinutes(11)));
        assertEquals("gateTimeout: '11m' must be at most 10m: every promote and plan waits this long for its gates "
                + "before it is decided", e.getMessage());
        AirlockConfiguration file = AirlockConfiguration.parse("airlock.yaml", LANDSCAPE, false);
        InvalidValueException built = assertThrows(InvalidValueException.class, () -> new AirlockConfiguration(
                file.landscape(), file.groups(), file.policies(), file.backend(), file.gates(), Duration.ZERO,
                file.signing()));
        assertEquals("gateTimeout", built.field());
    }

    private static String refusal(String line) {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () ->
                AirlockConfiguration.parse("airlock.yaml", LANDSCAPE + line + "\n", false));
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0).toString();
    }
}
