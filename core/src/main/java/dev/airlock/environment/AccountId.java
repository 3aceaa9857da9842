package dev.airlock.environment;

import dev.airlock.InvalidValueException;
import java.util.regex.Pattern;

/** An AWS account id: exactly 12 digits, leading zeros significant. */
public record AccountId(String value) implements Comparable<AccountId> {
    private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");

    public AccountId {
        InvalidValueException.requireNonNull("account", value);
        if (!TWELVE_DIGITS.matcher(value).matches()) {
            throw new InvalidValueException("account", value, "must be exactly 12 digits (leading zeros included)");
        }
    }

    public static AccountId of(String value) {
        return new AccountId(value);
    }

    @Override
    public int compareTo(AccountId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
