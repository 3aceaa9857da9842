package dev.airlock.examples.release;

import dev.airlock.artifact.Digest;
import dev.airlock.config.AirlockConfiguration;
import dev.airlock.guardrail.Principal;
import dev.airlock.promotion.PromotionCommand;
import dev.airlock.promotion.PromotionEngine;
import dev.airlock.promotion.PromotionFailedException;
import dev.airlock.promotion.PromotionResult;
import dev.airlock.spi.Backend;
import dev.airlock.spi.BackendContext;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A team's own release tooling with the Airlock engine embedded: it promotes through the engine and
 * retries failures Airlock marks retryable (throttling, timeouts) a few times, with the same
 * idempotency key so a retry can never promote twice. Copy it and add your deploy step.
 */
public final class ReleaseTool implements AutoCloseable {
    private final PromotionEngine engine;
    private final int maxAttempts;
    private final Runnable onClose;

    /** A tool on an engine that someone else opened and closes (a test's in-memory world, say). */
    public ReleaseTool(PromotionEngine engine, int maxAttempts) {
        this(engine, maxAttempts, () -> { });
    }

    private ReleaseTool(PromotionEngine engine, int maxAttempts, Runnable onClose) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts: '" + maxAttempts + "' must be at least 1");
        }
        this.engine = engine;
        this.maxAttempts = maxAttempts;
        this.onClose = onClose;
    }

    /**
     * A tool on the backend the configuration file names: local directories by default, AWS accounts
     * with {@code backend: {type: aws}} and airlock-aws on the class path. Closing the tool closes it.
     */
    public static ReleaseTool open(Path configurationFile, int maxAttempts) {
        AirlockConfiguration configuration = AirlockConfiguration.load(configurationFile);
        Clock clock = Clock.systemUTC();
        Backend backend = configuration.backend().open(BackendContext.of(configuration.landscape(), clock,
                configurationFile.toAbsolutePath().getParent()));
        try {
            PromotionEngine engine = PromotionEngine.builder().configuration(configuration, backend).clock(clock)
                    .build();
            return new ReleaseTool(engine, maxAttempts, backend::close);
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
    }

    /** The engine, for what the tool does not wrap (registration, status, history). */
    public PromotionEngine engine() {
        return engine;
    }

    /** Promotes {@code digest} into {@code target}; gives up on the first failure that retrying cannot fix. */
    public PromotionResult release(Digest digest, String target, Principal who, String idempotencyKey) {
        PromotionCommand command = PromotionCommand.builder(digest, target, who).idempotencyKey(idempotencyKey).build();
        for (int attempt = 1; ; attempt++) {
            try {
                return engine.promote(command);
            } catch (PromotionFailedException e) {
                if (!e.retryable() || attempt == maxAttempts) {
                    throw e;
                }
                // A real tool would back off here; the in-memory backend needs no waiting.
            }
        }
    }

    @Override
    public void close() {
        onClose.run();
    }
}
