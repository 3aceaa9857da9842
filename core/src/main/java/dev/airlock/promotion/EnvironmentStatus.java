package dev.airlock.promotion;

import dev.airlock.artifact.Artifact;
import dev.airlock.environment.Environment;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What an environment runs now: the current artifact (null if nothing was promoted yet), since
 * when, since when it is verified healthy there, and the promotion holding its lease, if any.
 */
public record EnvironmentStatus(Environment environment, @Nullable Artifact current, @Nullable Instant since,
        @Nullable Instant verifiedSince, @Nullable String leaseHolder) {
}
