package dev.airlock.internal.guardrail;

import dev.airlock.InvalidValueException;
import dev.airlock.environment.Environment;
import dev.airlock.environment.Landscape;
import dev.airlock.guardrail.policy.Attachment;
import dev.airlock.guardrail.policy.Policies;
import dev.airlock.guardrail.policy.PolicyDocument;
import dev.airlock.guardrail.policy.Rule;
import dev.airlock.guardrail.policy.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules policies must follow beyond each value's own checks: references resolve (environments,
 * environment groups, people groups, soak stages), ids are unique, the no-skipping default is
 * switched off only at the organization level, and no approval count exceeds the people who could
 * give it. Each violation names a path ({@code policies[1].statements[0].count}) a loader maps back to
 * a line and column.
 */
public final class PolicyRules {

    /** One broken rule: where (as a path into the configuration) and what. */
    public record Violation(String path, String message) {
    }

    private PolicyRules() {
    }

    public static List<Violation> check(Landscape landscape, Policies policies, Map<String, List<String>> peopleGroups) {
        List<Violation> out = new ArrayList<>();
        Set<String> environments = landscape.environmentNames();
        policies.environmentGroups().forEach((group, members) -> {
            String at = "environmentGroups." + group;
            try {
                Environment.validateName(group);
            } catch (InvalidValueException e) {
                out.add(new Violation(at, "environment group " + e.getMessage()));
            }
            if (members.isEmpty()) {
                out.add(new Violation(at, "environment group '" + group + "' must list at least one environment"));
            }
            for (int i = 0; i < members.size(); i++) {
                if (!environments.contains(members.get(i))) {
                    out.add(new Violation(at + "[" + i + "]", "environment group '" + group + "' names unknown environment '"
                            + members.get(i) + "'; known environments: " + sorted(environments)));
                }
            }
        });

        Map<String, String> documentIds = new HashMap<>();
        Map<String, String> statementIds = new HashMap<>();
        List<PolicyDocument> documents = policies.documents();
        for (int d = 0; d < documents.size(); d++) {
            PolicyDocument document = documents.get(d);
            String at = "policies[" + d + "]";
            String first = documentIds.putIfAbsent(document.id(), at);
            if (first != null) {
                out.add(new Violation(at + ".id", "duplicate policy id '" + document.id() + "'; ids must be unique"));
            }
            checkAttachment(document.attach(), at + ".attach", environments, policies.environmentGroups().keySet(), out);
            for (int s = 0; s < document.statements().size(); s++) {
                Statement statement = document.statements().get(s);
                String path = at + ".statements[" + s + "]";
                String owner = statementIds.putIfAbsent(statement.id(), document.id());
                if (owner != null) {
                    out.add(new Violation(path + ".id", "duplicate statement id '" + statement.id() + "' (also in policy '"
                            + owner + "'); statement ids must be unique across the configuration"));
                }
                checkRule(statement.rule(), document.attach(), path, environments, peopleGroups, out);
            }
        }
        return out;
    }

    private static void checkAttachment(Attachment attach, String at, Set<String> environments, Set<String> groups,
            List<Violation> out) {
        if (attach.scope() == Attachment.Scope.ENVIRONMENT && !environments.contains(attach.name())) {
            out.add(new Violation(at, "attached to unknown environment '" + attach.name() + "'; known environments: "
                    + sorted(environments)));
        }
        if (attach.scope() == Attachment.Scope.GROUP && !groups.contains(attach.name())) {
            out.add(new Violation(at, "attached to unknown environment group '" + attach.name() + "'; "
                    + (groups.isEmpty() ? "declare it under environmentGroups" : "declared groups: " + sorted(groups))));
        }
    }

    private static void checkRule(Rule rule, Attachment attach, String at, Set<String> environments,
            Map<String, List<String>> peopleGroups, List<Violation> out) {
        if (rule instanceof Rule.NoSkipping noSkipping && !noSkipping.enabled()
                && attach.scope() != Attachment.Scope.ORGANIZATION) {
            out.add(new Violation(at + ".enabled", "no skipping stages can be switched off only at the organization"
                    + " level, not at " + attach.level() + "; a lower level may only add guardrails"));
        } else if (rule instanceof Rule.Approvals approvals) {
            checkPeopleGroups(approvals.from(), at + ".from", peopleGroups, out);
            checkApprovalCount(approvals, at, peopleGroups, out);
        } else if (rule instanceof Rule.Soak soak && soak.stage() != null && !environments.contains(soak.stage())) {
            out.add(new Violation(at + ".stage", "soak stage '" + soak.stage() + "' is not an environment; known environments: "
                    + sorted(environments)));
        } else if (rule instanceof Rule.Permission permission) {
            checkPeopleGroups(permission.groups(), at + ".groups", peopleGroups, out);
        } else if (rule instanceof Rule.AllowedPrincipals allowed) {
            checkPeopleGroups(allowed.groups(), at + ".groups", peopleGroups, out);
        }
    }

    /** When every eligible group lists its members, more approvals than members can never be met. */
    private static void checkApprovalCount(Rule.Approvals approvals, String at, Map<String, List<String>> peopleGroups,
            List<Violation> out) {
        Set<String> eligible = new HashSet<>();
        boolean known = !approvals.from().isEmpty();
        for (String group : approvals.from()) {
            List<String> members = peopleGroups.get(group);
            known &= members != null && !members.isEmpty();
            if (members != null) {
                eligible.addAll(members);
            }
        }
        if (known && approvals.count() > eligible.size()) {
            out.add(new Violation(at + ".count", "count: " + approvals.count() + " approvals can never be met: "
                    + (approvals.from().size() == 1 ? "group " + approvals.from().get(0) + " has"
                            : "groups " + String.join(", ", approvals.from()) + " have")
                    + " only " + eligible.size() + " member" + (eligible.size() == 1 ? "" : "s")
                    + " (" + sorted(eligible) + ")"));
        }
    }

    private static void checkPeopleGroups(List<String> groups, String at, Map<String, List<String>> peopleGroups,
            List<Violation> out) {
        for (String group : groups) {
            if (!peopleGroups.containsKey(group)) {
                out.add(new Violation(at, "unknown group '" + group + "'; declare it under groups (an empty member list"
                        + " takes members from the principals' own groups)"
                        + (peopleGroups.isEmpty() ? "" : "; declared groups: " + sorted(peopleGroups.keySet()))));
            }
        }
    }

    private static String sorted(Set<String> names) {
        return String.join(", ", new TreeSet<>(names));
    }
}
