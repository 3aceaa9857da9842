package dev.airlock.environment;

import dev.airlock.InvalidValueException;
import java.util.regex.Pattern;

/** An AWS region code such as {@code eu-central-1}, {@code us-gov-west-1} or {@code cn-north-1}. */
public record Region(String value) {
    private static final Pattern REGION = Pattern.compile(
            "[a-z]{2}(-gov|-iso[a-z]?)?-(central|north|south|east|west|northeast|northwest|southeast|southwest)-\\d{1,2}");

    public Region {
        InvalidValueException.requireNonNull("region", value);
        if (!REGION.matcher(value).matches()) {
            throw new InvalidValueException("region", value,
                    "must be an AWS region code like 'eu-central-1' (lowercase area-direction-number)");
        }
    }

    public static Region of(String value) {
        return new Region(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
