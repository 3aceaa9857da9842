package dev.airlock.aws.policy;

import dev.airlock.InvalidValueException;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What the generated documents need beyond the landscape and the aws settings.
 *
 * @param organizationId the AWS Organizations id ({@code o-} and 10-32 lowercase letters or digits); when
 *                       given, every trust and resource policy also requires {@code aws:PrincipalOrgID}, so an
 *                       account that leaves the organization loses access. Default none
 * @param inspectorRole  the name of the read-only role {@code airlock doctor} assumes in every account.
 *                       Default {@code airlock-inspector}
 * @param signingKeys    the KMS keys owners sign attestations with, owner to key ARN, as the keyring binds
 *                       them: each gets a key policy that lets only its owner sign. Default none
 */
public record PolicyOptions(@Nullable String organizationId, String inspectorRole, Map<String, String> signingKeys) {
    private static final Pattern ORGANIZATION = Pattern.compile("o-[a-z0-9]{10,32}");
    private static final Pattern KEY_ARN = Pattern.compile("arn:[\\w-]+:kms:[a-z0-9-]+:\\d{12}:key/[\\w-]+");
    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");

    public PolicyOptions {
        if (organizationId != null && !ORGANIZATION.matcher(organizationId).matches()) {
            throw new InvalidValueException("organizationId", organizationId,
                    "must be o- followed by 10 to 32 lowercase letters or digits, as Organizations writes it");
        }
        InvalidValueException.requireNonNull("inspectorRole", inspectorRole);
        if (!ROLE_NAME.matcher(inspectorRole).matches()) {
            throw new InvalidValueException("inspectorRole", inspectorRole,
                    "must be an IAM role name: 1-64 characters of letters, digits and +=,.@_-");
        }
        signingKeys.forEach((owner, key) -> {
            if (!KEY_ARN.matcher(key).matches()) {
                throw new InvalidValueException("signingKeys." + owner, key, "must be a KMS key ARN "
                        + "(arn:aws:kms:REGION:ACCOUNT:key/ID): a key policy is written for one key in one account");
            }
        });
        signingKeys = Map.copyOf(signingKeys);
    }

    public PolicyOptions(@Nullable String organizationId, String inspectorRole) {
        this(organizationId, inspectorRole, Map.of());
    }

    /** No organization id, inspector role {@code airlock-inspector}. */
    public static PolicyOptions defaults() {
        return new PolicyOptions(null, "airlock-inspector");
    }

    public PolicyOptions withOrganizationId(@Nullable String organizationId) {
        return new PolicyOptions(organizationId, inspectorRole, signingKeys);
    }

    public PolicyOptions withInspectorRole(String inspectorRole) {
        return new PolicyOptions(organizationId, inspectorRole, signingKeys);
    }

    /** These options with {@code owner} signing through the KMS key {@code keyArn}. */
    public PolicyOptions withSigningKey(String owner, String keyArn) {
        Map<String, String> keys = new java.util.TreeMap<>(signingKeys);
        keys.put(owner, keyArn);
        return new PolicyOptions(organizationId, inspectorRole, keys);
    }
}
