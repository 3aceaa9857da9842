package dev.airlock.config;

import dev.airlock.InvalidValueException;
import dev.airlock.internal.config.ConfigReader;
import dev.airlock.internal.config.Node.MapNode;
import dev.airlock.internal.config.Node;
import dev.airlock.internal.guardrail.Durations;
import dev.airlock.promotion.PromotionEngine;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code gates:} (gate name to {@code url}, {@code secretEnv} and an optional {@code timeout}) and
 * the top-level {@code gateTimeout}, how long a decision waits for all its gates together.
 */
final class GateSection {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    static final String ENGINE_TIMEOUT = "gateTimeout";

    private GateSection() {
    }

    /**
     * {@code gateTimeout}, or {@link PromotionEngine#DEFAULT_GATE_TIMEOUT} when absent; a value that is not
     * a positive duration of at most {@link PromotionEngine#MAX_GATE_TIMEOUT} is reported at its position.
     */
    static Duration readEngineTimeout(MapNode root, ConfigReader reader) {
        return ConfigReader.get(root, ENGINE_TIMEOUT).flatMap(node -> reader.value(node, ENGINE_TIMEOUT, text -> {
            Duration timeout = Durations.parse(ENGINE_TIMEOUT, text);
            String rule = PromotionEngine.gateTimeoutRule(timeout);
            if (rule != null) {
                throw new InvalidValueException(ENGINE_TIMEOUT, text, rule);
            }
            return timeout;
        })).orElse(PromotionEngine.DEFAULT_GATE_TIMEOUT);
    }

    static List<GateConfiguration> read(MapNode root, ConfigReader reader) {
        List<GateConfiguration> gates = new ArrayList<>();
        Node node = ConfigReader.get(root, "gates").orElse(null);
        if (node == null) {
            return gates;
        }
        if (!(node instanceof MapNode map)) {
            reader.error(node, "gates must be a map of gate name to its settings, got " + node.kind());
            return gates;
        }
        ConfigProblems problems = new ConfigProblems();
        ConfigSection all = new ConfigSection(reader.source(), "gates", map);
        for (String name : all.keys()) {
            all.section(name, problems).ifPresent(gate -> {
                gate.checkKeys(Set.of("url", "secretEnv"), Set.of("url", "secretEnv", "timeout"), problems);
                var url = gate.value("url", GateSection::url, problems);
                var secretEnv = gate.text("secretEnv", problems);
                Duration timeout = gate.duration("timeout", problems).orElse(DEFAULT_TIMEOUT);
                if (url.isPresent() && secretEnv.isPresent()) {
                    gates.add(new GateConfiguration(name, url.get(), secretEnv.get(), timeout));
                }
            });
        }
        problems.list().forEach(reader::report);
        return gates;
    }

    private static URI url(String text) {
        try {
            URI uri = URI.create(text);
            if ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below, as for any other scheme
        }
        throw new InvalidValueException("url", text, "must be an http or https address");
    }
}
