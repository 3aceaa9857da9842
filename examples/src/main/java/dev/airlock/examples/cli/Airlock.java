package dev.airlock.examples.cli;

import dev.airlock.config.AirlockConfiguration;
import dev.airlock.guardrail.Principal;
import dev.airlock.local.LocalBackend;
import dev.airlock.promotion.PromotionEngine;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** An engine wired from the configuration file onto the local backend, as the CLI uses it. */
final class Airlock {
    final AirlockConfiguration configuration;
    final PromotionEngine engine;
    final LocalBackend backend;
    final Clock clock;

    private Airlock(AirlockConfiguration configuration, Path stateDir, Clock clock) {
        this.configuration = configuration;
        this.clock = clock;
        this.backend = LocalBackend.open(stateDir, configuration.landscape(), clock);
        this.engine = PromotionEngine.builder()
                .landscape(configuration.landscape())
                .guardrails(configuration.guardrails())
                .store(backend.artifactStore())
                .access(backend.environmentAccess())
                .ledger(backend.ledger())
                .clock(clock)
                .build();
    }

    static Airlock open(EngineOptions options) {
        AirlockConfiguration configuration = AirlockConfiguration.load(options.config);
        Path state = options.state != null ? options.state
                : options.config.toAbsolutePath().getParent().resolve(".airlock");
        Clock clock = options.at != null ? Clock.fixed(options.at, ZoneOffset.UTC) : Clock.systemUTC();
        return new Airlock(configuration, state, clock);
    }

    static Airlock open(AirlockConfiguration configuration, Path stateDir, Clock clock) {
        return new Airlock(configuration, stateDir, clock);
    }

    /** A principal with the groups the configuration gives them. */
    Principal principal(String id) {
        return principal(configuration.groups(), id);
    }

    static Principal principal(Map<String, List<String>> groups, String id) {
        Set<String> memberOf = groups.entrySet().stream().filter(g -> g.getValue().contains(id))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        return new Principal(id, memberOf);
    }
}
