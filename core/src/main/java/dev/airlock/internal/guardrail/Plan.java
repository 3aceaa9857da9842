package dev.airlock.internal.guardrail;

import dev.airlock.environment.Environment;

/** Everything precomputed for one target environment: its statements in result order and its policy version. */
final class Plan {
    final Environment target;
    final Check[] checks;
    final String policyVersion;

    Plan(Environment target, Check[] checks, String policyVersion) {
        this.target = target;
        this.checks = checks;
        this.policyVersion = policyVersion;
    }
}
