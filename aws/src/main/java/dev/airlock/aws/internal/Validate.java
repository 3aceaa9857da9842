package dev.airlock.aws.internal;

import dev.airlock.InvalidValueException;
import java.time.Duration;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The AWS naming and size rules that settings are checked against, with messages naming the rule. */
public final class Validate {
    /** STS ExternalId: 2-1224 characters of {@code [\w+=,.@:/-]}. */
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
    /** S3 general purpose bucket names, without the rarely used dotted forms that break TLS. */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    /** ECR repository names: lowercase path components separated by '/', components joined by . _ -. */
    private static final Pattern REPOSITORY =
            Pattern.compile("(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*");
    /** Key prefixes: path segments of safe characters, no leading or trailing '/'. */
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9!_.*'()-]+(/[A-Za-z0-9!_.*'()-]+)*");

    public static final long MIB = 1024L * 1024;
    public static final long GIB = 1024 * MIB;

    private Validate() {
    }

    public static @Nullable String externalId(String field, @Nullable String value) {
        if (value != null && !EXTERNAL_ID.matcher(value).matches()) {
            // The value itself is not echoed: external ids are meant to be hard to guess.
            throw new InvalidValueException(field, "<" + value.length() + " characters>",
                    "must be 2-1224 characters of letters, digits and _+=,.@:/-");
        }
        return value;
    }

    public static @Nullable String bucket(String field, @Nullable String value) {
        if (value != null && (!BUCKET.matcher(value).matches() || value.contains(".."))) {
            throw new InvalidValueException(field, value,
                    "must be an S3 bucket name: 3-63 lowercase letters, digits, dots and hyphens, "
                            + "starting and ending with a letter or digit");
        }
        return value;
    }

    public static @Nullable String repository(String field, @Nullable String value) {
        if (value != null && (value.length() < 2 || value.length() > 256 || !REPOSITORY.matcher(value).matches())) {
            throw new InvalidValueException(field, value,
                    "must be an ECR repository name: 2-256 lowercase letters and digits in '/'-separated "
                            + "components, joined by single '.', '_' or '-'");
        }
        return value;
    }

    public static String prefix(String field, String value) {
        InvalidValueException.requireNonNull(field, value);
        if (!PREFIX.matcher(value).matches() || value.length() > 512) {
            throw new InvalidValueException(field, value,
                    "must be '/'-separated segments of letters, digits and !_.*'()- without a leading or "
                            + "trailing '/', at most 512 characters");
        }
        return value;
    }

    public static long size(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new InvalidValueException(field, value, "must be between " + bytes(min) + " and " + bytes(max));
        }
        return value;
    }

    public static int range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidValueException(field, value, "must be between " + min + " and " + max);
        }
        return value;
    }

    public static Duration duration(String field, Duration value, Duration min, Duration max) {
        InvalidValueException.requireNonNull(field, value);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new InvalidValueException(field, value, "must be between " + min + " and " + max);
        }
        return value;
    }

    /** {@code 5 MiB}, {@code 5 GiB} or a byte count, for messages. */
    public static String bytes(long value) {
        if (value % GIB == 0) {
            return value / GIB + " GiB";
        }
        return value % MIB == 0 ? value / MIB + " MiB" : value + " bytes";
    }
}
