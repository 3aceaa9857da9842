package dev.airlock.config;

import dev.airlock.InvalidValueException;
import dev.airlock.gate.HttpGate;
import dev.airlock.guardrail.GateAnswer;
import dev.airlock.spi.Gate;
import dev.airlock.spi.GateRequest;
import java.net.URI;
import java.time.Duration;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP gate of a configuration file's {@code gates:} section. The file names the environment
 * variable that holds the shared secret, never the secret itself.
 *
 * <pre>{@code
 * gates:
 *   change-check:
 *     url: https://itsm.example.com/airlock/gate
 *     secretEnv: CHANGE_CHECK_SECRET
 *     timeout: 5s
 * }</pre>
 *
 * @param name      the name {@code gate} statements use
 * @param url       where requests are POSTed
 * @param secretEnv the environment variable holding the shared HMAC secret
 * @param timeout   how long one request may take
 */
public record GateConfiguration(String name, URI url, String secretEnv, Duration timeout) {
    public GateConfiguration {
        InvalidValueException.requireNonNull("name", name);
        InvalidValueException.requireNonNull("url", url);
        InvalidValueException.requireNonNull("secretEnv", secretEnv);
        InvalidValueException.requireNonNull("timeout", timeout);
    }

    /**
     * The gate, its secret read through {@code environment} ({@code System::getenv} in production).
     *
     * @throws InvalidValueException when the variable is not set
     */
    public HttpGate open(Function<String, @Nullable String> environment) {
        return HttpGate.builder().name(name).uri(url).secretFromEnvironment(secretEnv, environment).timeout(timeout)
                .build();
    }

    /**
     * The gate, or, when its secret's variable is not set, one that stays pending and says why: an engine
     * still starts (commands that never ask gates keep working), and nothing is approved without the secret.
     */
    public Gate openOrPending(Function<String, @Nullable String> environment) {
        String secret = environment.apply(secretEnv);
        if (secret != null && !secret.isEmpty()) {
            return open(environment);
        }
        return new Gate() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public GateAnswer ask(GateRequest request) {
                return GateAnswer.pending(name, "environment variable " + secretEnv + " (the gate's secret) is not set");
            }
        };
    }
}
