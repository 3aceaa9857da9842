package dev.airlock.cli;

import dev.airlock.config.GateConfiguration;
import dev.airlock.guardrail.GateAnswer;
import dev.airlock.spi.Gate;
import dev.airlock.spi.GateRequest;

/** The configuration's HTTP gates, as the CLI asks them. */
final class Gates {
    private Gates() {
    }

    /**
     * The gate, or, when its secret's variable is not set, one that stays pending and says why: commands
     * that never ask gates (status, history) keep working, and nothing is approved without the secret.
     */
    static Gate open(GateConfiguration configuration) {
        String secret = System.getenv(configuration.secretEnv());
        if (secret != null && !secret.isEmpty()) {
            return configuration.open(System::getenv);
        }
        return new Gate() {
            @Override
            public String name() {
                return configuration.name();
            }

            @Override
            public GateAnswer ask(GateRequest request) {
                return GateAnswer.pending(configuration.name(), "environment variable " + configuration.secretEnv()
                        + " (the gate's secret) is not set");
            }
        };
    }
}
