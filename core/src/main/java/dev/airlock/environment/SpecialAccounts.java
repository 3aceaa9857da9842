package dev.airlock.environment;

import dev.airlock.InvalidValueException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The accounts that are not environments: tooling (where artifacts are built and promotions run),
 * security (where the audit ledger lives) and, optionally, log archive.
 */
public record SpecialAccounts(AccountId tooling, AccountId security, @Nullable AccountId logArchive) {
    public SpecialAccounts {
        InvalidValueException.requireNonNull("tooling", tooling);
        InvalidValueException.requireNonNull("security", security);
    }

    public Optional<AccountId> logArchiveAccount() {
        return Optional.ofNullable(logArchive);
    }

    /** The role ("tooling", "security", "logArchive") an account plays, if it is a special account. */
    public Optional<String> roleOf(AccountId account) {
        if (account.equals(tooling)) {
            return Optional.of("tooling");
        }
        if (account.equals(security)) {
            return Optional.of("security");
        }
        return account.equals(logArchive) ? Optional.of("logArchive") : Optional.empty();
    }
}
