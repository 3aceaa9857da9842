package dev.airlock.environment;

import dev.airlock.InvalidValueException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The ARN of an IAM role: {@code arn:PARTITION:iam::ACCOUNT:role/PATH/NAME}. Partitions are
 * {@code aws}, {@code aws-cn} and {@code aws-us-gov}; the path is {@code /} or {@code /segments/}
 * (at most 512 printable ASCII characters); the name is 1–64 of {@code [A-Za-z0-9+=,.@_-]}.
 */
public record RoleArn(String partition, AccountId account, String path, String name) {
    private static final Set<String> PARTITIONS = Set.of("aws", "aws-cn", "aws-us-gov");
    private static final Pattern NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    private static final Pattern PATH = Pattern.compile("/|/[\\x21-\\x7E]{1,510}/");
    private static final String FIELD = "role";

    public RoleArn {
        InvalidValueException.requireNonNull(FIELD, partition);
        InvalidValueException.requireNonNull(FIELD, account);
        InvalidValueException.requireNonNull(FIELD, path);
        InvalidValueException.requireNonNull(FIELD, name);
        if (!PARTITIONS.contains(partition)) {
            throw new InvalidValueException(FIELD, partition, "partition must be one of aws, aws-cn, aws-us-gov");
        }
        if (!PATH.matcher(path).matches() || path.contains("//")) {
            throw new InvalidValueException(FIELD, path,
                    "path must be '/' or start and end with '/', printable ASCII, at most 512 characters");
        }
        if (!NAME.matcher(name).matches()) {
            throw new InvalidValueException(FIELD, name,
                    "name must be 1-64 characters of letters, digits and +=,.@_-");
        }
    }

    /** Parses {@code arn:aws:iam::123456789012:role/path/name}; every rejection names the rule. */
    public static RoleArn parse(String arn) {
        InvalidValueException.requireNonNull(FIELD, arn);
        String[] parts = arn.split(":", 6);
        if (parts.length != 6 || !parts[0].equals("arn") || !parts[2].equals("iam") || !parts[3].isEmpty()
                || !parts[5].startsWith("role/")) {
            throw new InvalidValueException(FIELD, arn,
                    "must look like arn:aws:iam::123456789012:role/optional/path/name");
        }
        AccountId account;
        try {
            account = AccountId.of(parts[4]);
        } catch (InvalidValueException e) {
            throw new InvalidValueException(FIELD, arn, "account part must be exactly 12 digits");
        }
        String resource = parts[5].substring("role".length());
        int lastSlash = resource.lastIndexOf('/');
        return new RoleArn(parts[1], account, resource.substring(0, lastSlash + 1), resource.substring(lastSlash + 1));
    }

    @Override
    public String toString() {
        return "arn:" + partition + ":iam::" + account + ":role" + path + name;
    }
}
