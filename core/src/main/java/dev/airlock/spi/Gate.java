package dev.airlock.spi;

import dev.airlock.guardrail.GateAnswer;

/**
 * An external check a {@code gate} statement names: a change-management lookup, a security scan, a
 * team's own rule. The engine asks every gate the target's statements name before it decides, on
 * its own thread and for a bounded time; a gate that throws, hangs or is missing counts as pending,
 * never as approved. Implementations must be safe to call from several threads.
 */
public interface Gate {

    /** The name {@code gate} statements use. */
    String name();

    /** The answer for {@code request}; {@link GateAnswer#gate()} should be {@link #name()}. */
    GateAnswer ask(GateRequest request);
}
