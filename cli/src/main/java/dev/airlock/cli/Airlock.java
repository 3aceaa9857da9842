package dev.airlock.cli;

import dev.airlock.InvalidValueException;
import dev.airlock.attestation.KeyFile;
import dev.airlock.attestation.Signers;
import dev.airlock.config.AirlockConfiguration;
import dev.airlock.config.InvalidConfigurationException;
import dev.airlock.config.Problem;
import dev.airlock.config.SigningConfiguration;
import dev.airlock.guardrail.Principal;
import dev.airlock.micrometer.AirlockMetrics;
import dev.airlock.micrometer.MeteredLedger;
import dev.airlock.promotion.PromotionEngine;
import dev.airlock.spi.AuthenticationException;
import dev.airlock.spi.Authenticator;
import dev.airlock.spi.Backend;
import dev.airlock.spi.BackendContext;
import dev.airlock.spi.Identity;
import dev.airlock.spi.Ledger;
import dev.airlock.spi.Signer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** An engine wired from the configuration file onto the backend it names, as the CLI uses it. */
final class Airlock implements AutoCloseable {
    final AirlockConfiguration configuration;
    final PromotionEngine engine;
    final Clock clock;
    private final Backend backend;
    private final Authenticator authenticator;
    // Established on first use (an STS call on AWS), so read-only commands never need it.
    private @Nullable Identity identity;

    private final @Nullable SimpleMeterRegistry metrics;

    private Airlock(AirlockConfiguration configuration, Backend backend, Clock clock, @Nullable String signingKey,
            @Nullable SimpleMeterRegistry metrics) {
        this.metrics = metrics;
        this.configuration = configuration;
        this.clock = clock;
        this.backend = backend;
        this.authenticator = this::identity;
        PromotionEngine.Builder builder = PromotionEngine.builder()
                .configuration(configuration, backend)
                .authenticator(authenticator)
                .signers(signers(configuration.signing(), backend, signingKey))
                .clock(clock);
        if (metrics != null) {
            builder.listener(AirlockMetrics.of(metrics)).ledger(new MeteredLedger(backend.ledger(), metrics));
        }
        if (System.console() != null) {
            builder.listener(new TerminalProgress()); // a copy's progress on stderr, on a terminal only
        }
        this.engine = builder.build();
    }

    /**
     * The key given on the command line signs whatever this process attests (the keyring decides whether
     * it counts); the ledger's key and every other owner's come from where the keyring says they are.
     */
    private static Signers signers(SigningConfiguration signing, Backend backend, @Nullable String signingKey) {
        Signers configured = signing.signers(backend::remoteSigner);
        if (signingKey == null || signingKey.isBlank()) {
            return configured;
        }
        // Made on first use: a read-only command never reads the key file or calls KMS.
        Signer given = Signer.lazily(() -> signingKey.startsWith("kms:") ? backend.remoteSigner(signingKey.substring(4))
                : KeyFile.signer(Path.of(signingKey)));
        String ledger = signing.ledgerKeyOwner().orElse(null);
        Signers explicit = owner -> owner.equals(ledger) ? Optional.empty() : Optional.of(given);
        return explicit.orElse(configured);
    }

    /** Who acts, as the backend establishes it, once per process. */
    synchronized Identity identity() {
        if (identity == null) {
            identity = backend.authenticator().authenticate();
        }
        return identity;
    }

    /**
     * An engine on the backend the configuration file names; it answers at {@code at} if given (read-only
     * commands' {@code --at}), otherwise at the clock's time.
     */
    static Airlock open(EngineOptions options, @Nullable Instant at) {
        AirlockConfiguration configuration = configuration("--config", options.config);
        Clock clock = at != null ? Clock.fixed(at, ZoneOffset.UTC) : Clock.systemUTC();
        SimpleMeterRegistry metrics = options.metrics ? new SimpleMeterRegistry() : null;
        return on(configuration, backend(configuration, options, metrics), clock, options.signingKey, metrics);
    }

    /**
     * The backend alone, for commands that must work where an engine cannot be built on it (a torn ledger).
     */
    static Backend openBackend(BackendOptions options) {
        return backend(configuration("--config", options.config), options, null);
    }

    /**
     * The configuration in {@code file}; a file that cannot be a configuration at all (missing, a directory,
     * unreadable, not text) is said in one line naming the option, the path and the reason (exit 2).
     */
    static AirlockConfiguration configuration(String option, Path file) {
        try {
            return AirlockConfiguration.load(file);
        } catch (InvalidConfigurationException e) {
            List<Problem> problems = e.problems();
            if (problems.size() == 1 && problems.get(0).line() == 0) {
                String path = file.toString().isEmpty() ? "" : file.toString();
                throw new ErrorHandler.CliFailure(ExitCodes.BAD_INPUT, option + " '" + path + "': "
                        + problems.get(0).message());
            }
            throw e;
        }
    }

    /**
     * The backend the file's {@code backend.type} names, found through the provider SPI. The backend
     * keeps real time (credential expiry, access logs) even when the engine acts at {@code --at}. Given
     * {@code metrics}, the backend meters its own work there too (on aws: AWS calls, circuit breakers).
     */
    private static Backend backend(AirlockConfiguration configuration, BackendOptions options,
            @Nullable SimpleMeterRegistry metrics) {
        BackendContext context = new BackendContext(configuration.landscape(), Clock.systemUTC(),
                options.config.toAbsolutePath().getParent(), options.state, metrics);
        try {
            return configuration.backend().open(context);
        } catch (InvalidValueException e) {
            if ("state".equals(e.field()) && options.state != null) {
                throw new ErrorHandler.CliFailure(ExitCodes.BAD_INPUT, "--state: '" + options.state
                        + "' (from --state or $AIRLOCK_STATE) " + e.rule());
            }
            throw e;
        }
    }

    /** An engine on {@code backend}; the backend is closed if the engine cannot be built on it. */
    static Airlock on(AirlockConfiguration configuration, Backend backend, Clock clock, @Nullable String signingKey) {
        return on(configuration, backend, clock, signingKey, null);
    }

    /** An engine on {@code backend}, signing with {@code signingKey} when given, metering into {@code metrics} when given. */
    static Airlock on(AirlockConfiguration configuration, Backend backend, Clock clock, @Nullable String signingKey,
            @Nullable SimpleMeterRegistry metrics) {
        try {
            return new Airlock(configuration, backend, clock, signingKey, metrics);
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
    }

    /** The meters, when {@code --metrics} asked for them. */
    Optional<SimpleMeterRegistry> metrics() {
        return Optional.ofNullable(metrics);
    }

    /** The backend's ledger, for what the engine does not answer (how safe the storage is). */
    Ledger ledger() {
        return backend.ledger();
    }

    /**
     * The acting principal with the groups the configuration gives them: the authenticated one, or
     * {@code claimed} ({@code --as}) where it is that one or where identities are declared unauthenticated.
     *
     * @throws ErrorHandler.CliFailure (exit 2, naming both) when {@code claimed} differs from the authenticated
     *                                 principal
     */
    Principal principal(@Nullable String claimed) {
        Identity acting = identity();
        if (claimed != null) {
            try {
                acting = acting.actingAs(claimed);
            } catch (AuthenticationException e) {
                throw new ErrorHandler.CliFailure(ExitCodes.BAD_INPUT, "--as: " + e.getMessage());
            }
        }
        return configuration.principal(acting.principal());
    }

    /** Closes the backend's clients (AWS SDK clients and credential providers). */
    @Override
    public void close() {
        backend.close();
    }
}
