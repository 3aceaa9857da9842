package dev.airlock.testkit.aws.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The principal strings that trust policies and resource policies name, and whether a caller is one of
 * them. An account root (or bare account id) matches every identity of that account; a role ARN matches
 * every session of that role; a user or assumed-role session ARN matches exactly that identity.
 */
public final class Principals {
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern ROOT = Pattern.compile("arn:(aws|aws-cn|aws-us-gov):iam::(\\d{12}):root");
    private static final Pattern USER = Pattern.compile("arn:(aws|aws-cn|aws-us-gov):iam::(\\d{12}):user/([\\x21-\\x7E]+)");
    private static final Pattern ROLE = Pattern.compile("arn:(aws|aws-cn|aws-us-gov):iam::(\\d{12}):role/([\\x21-\\x7E]+)");
    private static final Pattern SESSION = Pattern.compile(
            "arn:(aws|aws-cn|aws-us-gov):sts::(\\d{12}):assumed-role/([\\w+=,.@-]{1,64})/([\\w+=,.@-]{2,64})");

    private Principals() {
    }

    /**
     * The canonical form of a principal ({@code 111111111111} becomes
     * {@code arn:aws:iam::111111111111:root}), or null when it is not a principal AWS would accept.
     */
    public static @Nullable String normalize(String principal) {
        if (principal.equals("*")) {
            return principal;
        }
        if (ACCOUNT.matcher(principal).matches()) {
            return "arn:aws:iam::" + principal + ":root";
        }
        for (Pattern pattern : new Pattern[] {ROOT, USER, ROLE, SESSION}) {
            if (pattern.matcher(principal).matches()) {
                return principal;
            }
        }
        return null;
    }

    /** The account a normalized principal belongs to; null for {@code *}. */
    public static @Nullable String account(String normalized) {
        Matcher matcher = Pattern.compile("arn:[^:]+:(iam|sts)::(\\d{12}):.*").matcher(normalized);
        return matcher.matches() ? matcher.group(2) : null;
    }

    /** Whether a normalized principal is a role ARN. */
    public static boolean isRole(String normalized) {
        return ROLE.matcher(normalized).matches();
    }

    /** Whether a normalized principal is a user ARN. */
    public static boolean isUser(String normalized) {
        return USER.matcher(normalized).matches();
    }

    /** Whether a normalized principal is an account root. */
    public static boolean isRoot(String normalized) {
        return ROOT.matcher(normalized).matches();
    }

    /** Whether {@code caller} is the principal named by {@code normalized}. */
    public static boolean matches(String normalized, Caller caller) {
        if (normalized.equals("*")) {
            return true;
        }
        Matcher root = ROOT.matcher(normalized);
        if (root.matches()) {
            return root.group(2).equals(caller.account());
        }
        if (ROLE.matcher(normalized).matches()) {
            Caller.Session session = caller.session();
            return session != null && session.roleArn().equals(normalized);
        }
        return normalized.equals(caller.arn());
    }

    /** The ARN of a role session: {@code arn:aws:sts::ACCOUNT:assumed-role/NAME/SESSION} (the role path is dropped). */
    public static String sessionArn(String partition, String account, String roleName, String sessionName) {
        return "arn:" + partition + ":sts::" + account + ":assumed-role/" + roleName + "/" + sessionName;
    }
}
