package dev.airlock.internal.guardrail;

import dev.airlock.guardrail.Principal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Who is in which people group: the groups a principal carries plus the configuration's
 * {@code groups}, whose member lists are indexed once.
 */
final class Membership {
    private final Map<String, Set<String>> members = new HashMap<>();

    Membership(Map<String, List<String>> peopleGroups) {
        peopleGroups.forEach((group, ids) -> members.put(group, new HashSet<>(ids)));
    }

    boolean isIn(Principal principal, String group) {
        if (principal.isIn(group)) {
            return true;
        }
        Set<String> ids = members.get(group);
        return ids != null && ids.contains(principal.id());
    }

    /** The first of {@code groups} the principal is in, or null. */
    @Nullable String firstGroupOf(Principal principal, List<String> groups) {
        for (int i = 0; i < groups.size(); i++) {
            if (isIn(principal, groups.get(i))) {
                return groups.get(i);
            }
        }
        return null;
    }

    /** Every group the principal is in, sorted, for explanations. */
    Set<String> groupsOf(Principal principal) {
        Set<String> out = new TreeSet<>(principal.groups());
        members.forEach((group, ids) -> {
            if (ids.contains(principal.id())) {
                out.add(group);
            }
        });
        return out;
    }
}
