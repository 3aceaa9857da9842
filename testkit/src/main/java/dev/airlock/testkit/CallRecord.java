package dev.airlock.testkit;

import dev.airlock.artifact.Digest;
import dev.airlock.environment.AccountId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One call to an in-memory port: what was called, in which account, by whom, and how it ended.
 *
 * @param time        from the world's clock
 * @param operation   the port method
 * @param account     the account the call acted in
 * @param environment the environment concerned, or null for the origin and ledger-wide calls
 * @param caller      the AWS identity that made the call, e.g.
 *                    {@code arn:aws:sts::555555555555:assumed-role/airlock-deploy/<promotion id>}
 * @param principal   the person or build the call acted for (the session's source identity), or null
 * @param digest      the artifact concerned, or null
 * @param promotionId the promotion the call belonged to, or null
 * @param failure     the exception's simple class name and message if the call failed, or null
 */
public record CallRecord(Instant time, Operation operation, AccountId account, @Nullable String environment,
        String caller, @Nullable String principal, @Nullable Digest digest, @Nullable String promotionId,
        @Nullable String failure) {

    /** Whether the call threw. */
    public boolean failed() {
        return failure != null;
    }

    @Override
    public String toString() {
        return time + " " + operation + " in " + account + (environment == null ? "" : " (" + environment + ")")
                + " by " + caller + (principal == null ? "" : " for " + principal)
                + (digest == null ? "" : " " + digest.shortForm()) + (failure == null ? " ok" : " FAILED " + failure);
    }
}
