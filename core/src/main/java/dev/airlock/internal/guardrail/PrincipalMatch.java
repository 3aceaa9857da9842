package dev.airlock.internal.guardrail;

import dev.airlock.guardrail.Principal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Whether a principal is one of some ids or in one of some groups, and how to say so. */
final class PrincipalMatch {
    private final List<String> principals;
    private final List<String> groups;

    PrincipalMatch(List<String> principals, List<String> groups) {
        this.principals = principals;
        this.groups = groups;
    }

    boolean matches(Facts facts) {
        Principal principal = facts.principal();
        return principals.contains(principal.id()) || facts.membership.firstGroupOf(principal, groups) != null;
    }

    /** How the principal matched, or null when it did not. */
    @Nullable String how(Facts facts) {
        Principal principal = facts.principal();
        if (principals.contains(principal.id())) {
            return principal.id() + " is listed";
        }
        String group = facts.membership.firstGroupOf(principal, groups);
        return group == null ? null : principal.id() + " is in group " + group;
    }

    /** Who is listed: {@code principals alice, bob and groups release-managers}. */
    String listed() {
        String ids = principals.isEmpty() ? "" : "principals " + String.join(", ", principals);
        String names = groups.isEmpty() ? "" : "groups " + String.join(", ", groups);
        return ids.isEmpty() ? names : names.isEmpty() ? ids : ids + " and " + names;
    }

    /** The principal and the groups it is in, for a message saying it matched nothing. */
    static String describe(Facts facts) {
        Principal principal = facts.principal();
        var all = facts.membership.groupsOf(principal);
        return principal.id() + (all.isEmpty() ? " (in no group)" : " (groups: " + String.join(", ", all) + ")");
    }
}
