package dev.airlock.aws.policy;

import dev.airlock.InvalidValueException;
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
 */
public record PolicyOptions(@Nullable String organizationId, String inspectorRole) {
    private static final Pattern ORGANIZATION = Pattern.compile("o-[a-z0-9]{10,32}");
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
    }

    /** No organization id, inspector role {@code airlock-inspector}. */
    public static PolicyOptions defaults() {
        return new PolicyOptions(null, "airlock-inspector");
    }

    public PolicyOptions withOrganizationId(@Nullable String organizationId) {
        return new PolicyOptions(organizationId, inspectorRole);
    }

    public PolicyOptions withInspectorRole(String inspectorRole) {
        return new PolicyOptions(organizationId, inspectorRole);
    }
}
