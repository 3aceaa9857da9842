package dev.airlock.testkit;

import dev.airlock.InvalidValueException;
import dev.airlock.environment.AccountId;
import dev.airlock.environment.RoleArn;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A role and its trust policy: which principals may assume it, and the external id they must
 * present if it requires one. Principals are role ARNs ({@code arn:aws:iam::111111111111:role/ci})
 * or account roots ({@code arn:aws:iam::111111111111:root}, which trusts every identity of that
 * account, as in IAM). An empty list trusts nobody: the role exists but no one can get in.
 *
 * @param role       the role
 * @param principals who may assume it
 * @param externalId the external id callers must present, or null when none is required
 */
public record RoleTrust(RoleArn role, List<String> principals, @Nullable String externalId) {
    private static final Pattern ROOT = Pattern.compile("arn:(aws|aws-cn|aws-us-gov):iam::(\\d{12}):root");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");

    public RoleTrust {
        InvalidValueException.requireNonNull("role", role);
        InvalidValueException.requireNonNull("principals", principals);
        principals = List.copyOf(principals);
        for (String principal : principals) {
            if (!ROOT.matcher(principal).matches()) {
                try {
                    RoleArn.parse(principal);
                } catch (InvalidValueException e) {
                    throw new InvalidValueException("principals", principal,
                            "must be a role ARN (arn:aws:iam::123456789012:role/name) or an account root "
                                    + "(arn:aws:iam::123456789012:root)");
                }
            }
        }
        if (externalId != null && !EXTERNAL_ID.matcher(externalId).matches()) {
            // The value is not echoed: an external id is shared between two parties and kept out of logs.
            throw new InvalidValueException("externalId", "(" + externalId.length() + " characters)",
                    "must be 2-1224 characters of letters, digits and +=,.@:/-");
        }
    }

    /** {@code role} trusting {@code principals}, with no external id. */
    public static RoleTrust of(String role, String... principals) {
        return new RoleTrust(RoleArn.parse(role), List.of(principals), null);
    }

    /** This trust, also requiring callers to present {@code externalId}. */
    public RoleTrust requiringExternalId(String externalId) {
        return new RoleTrust(role, principals, InvalidValueException.requireNonNull("externalId", externalId));
    }

    /** The account root principal of {@code account}: trusts every identity in it. */
    public static String accountRoot(AccountId account) {
        return "arn:aws:iam::" + account + ":root";
    }

    /** Whether {@code caller} may assume the role presenting {@code presentedExternalId}. */
    public boolean admits(RoleArn caller, @Nullable String presentedExternalId) {
        if (externalId != null && !externalId.equals(presentedExternalId)) {
            return false;
        }
        String arn = caller.toString();
        String root = "arn:" + caller.partition() + ":iam::" + caller.account() + ":root";
        return principals.contains(arn) || principals.contains(root);
    }

    @Override
    public String toString() {
        return "RoleTrust[" + role + " trusts " + principals + (externalId == null ? "" : ", external id required") + "]";
    }
}
