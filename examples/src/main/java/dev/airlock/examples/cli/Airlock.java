package dev.airlock.examples.cli;

import dev.airlock.config.AirlockConfiguration;
import dev.airlock.config.BackendConfiguration;
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

/** An engine wired from the configuration file onto the backend it names, as the CLI uses it. */
final class Airlock implements AutoCloseable {
    final AirlockConfiguration configuration;
    final PromotionEngine engine;
    final Clock clock;
    private final Backend backend;

    private Airlock(AirlockConfiguration configuration, Backend backend, Clock clock) {
        this.configuration = configuration;
        this.clock = clock;
        this.backend = backend;
        this.engine = PromotionEngine.builder()
                .landscape(configuration.landscape())
                .guardrails(configuration.guardrails())
                .store(backend.store())
                .access(backend.access())
                .ledger(backend.ledger())
                .clock(clock)
                .build();
    }

    static Airlock open(EngineOptions options) {
        AirlockConfiguration configuration = AirlockConfiguration.load(options.config);
        Clock clock = options.at != null ? Clock.fixed(options.at, ZoneOffset.UTC) : Clock.systemUTC();
        BackendConfiguration backend = configuration.backend();
        if (backend.type() == BackendConfiguration.Type.AWS) {
            if (options.state != null) {
                throw new ErrorHandler.CliFailure(ExitCodes.BAD_INPUT, "--state: '" + options.state + "' (from --state "
                        + "or $AIRLOCK_STATE) is for the local backend, but " + options.config
                        + " says 'backend: {type: aws}'; leave it out");
            }
            return on(configuration, Backend.aws(configuration), clock);
        }
        Path directory = options.config.toAbsolutePath().getParent();
        Path state = options.state != null ? options.state
                : backend.state().map(directory::resolve).orElse(directory.resolve(".airlock"));
        return open(configuration, state, clock);
    }

    /** The local backend in {@code stateDir}, whatever the configuration says (the demo runs locally). */
    static Airlock open(AirlockConfiguration configuration, Path stateDir, Clock clock) {
        return on(configuration, Backend.local(configuration, stateDir, clock), clock);
    }

    /** An engine on {@code backend}; the backend is closed if the engine cannot be built on it. */
    private static Airlock on(AirlockConfiguration configuration, Backend backend, Clock clock) {
        try {
            return new Airlock(configuration, backend, clock);
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
    }

    /** The local backend this engine runs on. */
    LocalBackend localBackend() {
        if (backend.local() == null) {
            throw new IllegalStateException("the engine runs on " + configuration.backend().type().configName());
        }
        return backend.local();
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

    /** Closes the backend's clients (AWS SDK clients and credential providers). */
    @Override
    public void close() {
        backend.close();
    }
}
