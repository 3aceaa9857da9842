package dev.airlock.maven;

import dev.airlock.config.AirlockConfiguration;
import dev.airlock.guardrail.Principal;
import dev.airlock.promotion.PromotionEngine;
import dev.airlock.spi.Backend;
import dev.airlock.spi.BackendContext;
import dev.airlock.spi.Identity;
import java.nio.file.Path;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/**
 * An engine over the backend the configuration names (found through the backend provider SPI), for one goal
 * execution. Each execution opens its own, so parallel builds share nothing but the backend's storage, whose
 * ledger serializes writers by compare-and-set.
 */
final class AirlockSession implements AutoCloseable {
    final AirlockConfiguration configuration;
    final PromotionEngine engine;
    private final Backend backend;
    private final @Nullable String claimed;
    private @Nullable Identity identity;

    private AirlockSession(AirlockConfiguration configuration, Backend backend, @Nullable String claimed) {
        this.configuration = configuration;
        this.backend = backend;
        this.claimed = claimed;
        // Everything the file decides, as the CLI has it: keys from its keyring, its gates and gate timeout.
        this.engine = PromotionEngine.builder().configuration(configuration, backend).authenticator(this::identity)
                .build();
    }

    static AirlockSession open(Path config, @Nullable Path state, @Nullable String claimed) {
        AirlockConfiguration configuration = AirlockConfiguration.load(config);
        Path directory = config.toAbsolutePath().getParent();
        Backend backend = configuration.backend().open(new BackendContext(configuration.landscape(),
                Clock.systemUTC(), directory, state));
        try {
            return new AirlockSession(configuration, backend, claimed);
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
    }

    /** Who acts: authenticated by the backend (an STS call on AWS) once, then kept. */
    synchronized Identity identity() {
        if (identity == null) {
            Identity found = backend.authenticator().authenticate();
            identity = claimed == null ? found : found.actingAs(claimed);
        }
        return identity;
    }

    /** The acting principal with the groups the configuration gives them. */
    Principal principal() {
        return configuration.principal(identity().principal());
    }

    @Override
    public void close() {
        backend.close();
    }
}
