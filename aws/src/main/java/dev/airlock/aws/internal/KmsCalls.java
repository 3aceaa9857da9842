package dev.airlock.aws.internal;

import dev.airlock.InvalidValueException;
import dev.airlock.environment.AccountId;
import dev.airlock.environment.Region;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The KMS calls of one key reference: through the backend's retries and the key account's circuit
 * breaker when the backend made them, directly otherwise; every failure translated by {@link KmsErrors}.
 */
public final class KmsCalls {
    private static final Pattern ARN = Pattern.compile("arn:aws[\\w-]*:kms:([a-z0-9-]+):(\\d{12}):(key|alias)/.+");
    private static final Pattern SHORT = Pattern.compile("[A-Za-z0-9-]{1,128}|alias/[A-Za-z0-9/_-]{1,250}");

    private final KmsClient kms;
    private final String key;
    private final @Nullable AwsCalls calls;
    private final @Nullable AccountId account;

    public KmsCalls(KmsClient kms, String key, @Nullable AwsCalls calls, @Nullable AccountId account) {
        this.kms = InvalidValueException.requireNonNull("kms", kms);
        this.key = requireKeyReference(key);
        this.calls = calls;
        this.account = account;
    }

    /** The key reference as given: a key id, key ARN, alias name or alias ARN. */
    public String key() {
        return key;
    }

    /** The region an ARN names, or null for a key id or alias name (which live in the client's region). */
    public static @Nullable Region region(String keyReference) {
        Matcher arn = ARN.matcher(keyReference);
        return arn.matches() ? Region.of(arn.group(1)) : null;
    }

    /** The account an ARN names, or null for a key id or alias name (which live in the caller's account). */
    public static @Nullable AccountId account(String keyReference) {
        Matcher arn = ARN.matcher(keyReference);
        return arn.matches() ? AccountId.of(arn.group(2)) : null;
    }

    /** Runs {@code call}; {@code operation} (such as {@code kms:Sign}) names it in messages. */
    public <T> T call(String operation, Function<KmsClient, T> call) {
        if (calls == null || account == null) {
            try {
                return call.apply(kms);
            } catch (SdkException e) {
                throw KmsErrors.translate(operation, key, e);
            }
        }
        return calls.call(account, operation + " " + key, () -> {
            try {
                return call.apply(kms);
            } catch (SdkException e) {
                if (Failures.isTransient(e)) {
                    throw e;   // the backend retries it, then translates it
                }
                throw KmsErrors.translate(operation, key, e);
            }
        });
    }

    private static String requireKeyReference(String key) {
        InvalidValueException.requireNonNull("keyReference", key);
        if (!ARN.matcher(key).matches() && !SHORT.matcher(key).matches()) {
            throw new InvalidValueException("keyReference", key, "must be a KMS key id, key ARN, alias name "
                    + "(alias/...) or alias ARN");
        }
        return key;
    }

    @Override
    public String toString() {
        return "KmsCalls[" + key + "]";
    }
}
