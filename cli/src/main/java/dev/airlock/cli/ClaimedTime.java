package dev.airlock.cli;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * {@code --at} for read-only questions ("would it pass at T?"). Only commands that write nothing mix it
 * in: a claimed instant on a write would let a caller choose the time that freezes, windows, soak,
 * approval expiry and leases are judged at. Writes mix in {@link NoClaimedTime} instead.
 */
final class ClaimedTime {
    @Option(names = "--at", paramLabel = "INSTANT", converter = EngineOptions.InstantConverter.class,
            description = "Answer as if it were this time (ISO-8601, e.g. 2026-03-02T09:00:00Z). Read-only "
                    + "commands only: writes take the clock's time.")
    @Nullable Instant at;
}
