package dev.airlock.aws;

import java.util.Set;

/**
 * Organizations refused a request of an {@link OrganizationsReader}, with AWS's error code and message.
 * The predicates sort the codes that matter to a reader: no permission, no organization, no such target,
 * throttled.
 */
public final class OrganizationsException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final Set<String> NOT_FOUND = Set.of("TargetNotFoundException", "ChildNotFoundException",
            "AccountNotFoundException", "PolicyNotFoundException", "OrganizationalUnitNotFoundException",
            "ParentNotFoundException", "RootNotFoundException");
    private static final Set<String> THROTTLED = Set.of("TooManyRequestsException", "ThrottlingException",
            "ServiceException");

    private final String errorCode;
    private final int statusCode;

    public OrganizationsException(String errorCode, int statusCode, String message) {
        super(errorCode + " (" + statusCode + "): " + message);
        this.errorCode = errorCode;
        this.statusCode = statusCode;
    }

    /** AWS's error code, such as {@code AccessDeniedException}. */
    public String errorCode() {
        return errorCode;
    }

    /** The HTTP status Organizations answered with. */
    public int statusCode() {
        return statusCode;
    }

    /** The caller may not read Organizations: not the management account, nor allowed by a delegation policy. */
    public boolean accessDenied() {
        return "AccessDeniedException".equals(errorCode) || "AccessDenied".equals(errorCode);
    }

    /** The caller's account is in no organization. */
    public boolean notInUse() {
        return "AWSOrganizationsNotInUseException".equals(errorCode);
    }

    /** The account, unit, root or policy named is not in the organization. */
    public boolean notFound() {
        return NOT_FOUND.contains(errorCode);
    }

    /** Throttled, or a fault of Organizations itself: worth asking again later. */
    public boolean throttled() {
        return THROTTLED.contains(errorCode) || statusCode == 429 || statusCode >= 500;
    }
}
