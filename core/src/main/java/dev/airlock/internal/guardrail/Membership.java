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
    /** Principal id to the configured groups that list it. */
    private final Map<String, Set<String>> groupsByMember = new HashMap<>();
    private final Map<String, List<String>> membersByGroup = new HashMap<>();

    Membership(Map<String, List<String>> peopleGroups) {
        peopleGroups.forEach((group, ids) -> {
            membersByGroup.put(group, List.copyOf(ids));
            ids.forEach(id -> groupsByMember.computeIfAbsent(id, k -> new HashSet<>()).add(group));
        });
    }

    /** The principals the configuration lists in {@code group}; principals may carry groups it does not list. */
    List<String> membersOf(String group) {
        return membersByGroup.getOrDefault(group, List.of());
    }

    /** The first of {@code groups} the principal is in, or null. */
    @Nullable String firstGroupOf(Principal principal, List<String> groups) {
        Set<String> listed = groupsByMember.getOrDefault(principal.id(), Set.of());
        for (int i = 0; i < groups.size(); i++) {
            String group = groups.get(i);
            if (principal.isIn(group) || listed.contains(group)) {
                return group;
            }
        }
        return null;
    }

    /** Every group the principal is in, sorted, for explanations. */
    Set<String> groupsOf(Principal principal) {
        Set<String> out = new TreeSet<>(principal.groups());
        out.addAll(groupsByMember.getOrDefault(principal.id(), Set.of()));
        return out;
    }
}
