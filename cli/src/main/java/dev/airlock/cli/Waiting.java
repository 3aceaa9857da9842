package dev.airlock.cli;

import dev.airlock.guardrail.Decision;
import dev.airlock.guardrail.Outcome;
import dev.airlock.guardrail.UnmetRequirement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a pending decision waits for, short enough to lead an answer: {@code soak 23h20m in staging, 2
 * approvals from release-managers (rae and rob may approve)}. People read this line first; the statements
 * that explain it follow.
 */
final class Waiting {
    private static final Pattern SOAK_REMAINING = Pattern.compile(" in (\\S+), (\\S+) remaining$");
    private static final Pattern NOT_VERIFIED = Pattern.compile("^not verified in (\\S+) yet; (\\S+) of soak");
    private static final Pattern MORE_APPROVALS = Pattern.compile("^(\\d+) more (break-glass )?approvals?");
    private static final Pattern COUNTED = Pattern.compile("\\(\\d+ of \\d+(?:: ([^)]*))?\\)");

    private Waiting() {
    }

    /** The one line an answer starts with: {@code PENDING: waiting for: ...}, or the decision's own summary. */
    static String headline(Decision decision) {
        if (decision.outcome() != Outcome.PENDING) {
            return decision.summary();
        }
        return "PENDING" + (decision.breakGlass() ? " (break-glass)" : "") + ": waiting for: "
                + String.join(", ", items(decision));
    }

    /** One short item per unmet requirement, from the requirements as data ({@link Decision#unmet()}). */
    static List<String> items(Decision decision) {
        List<String> out = new ArrayList<>();
        for (UnmetRequirement unmet : decision.unmet()) {
            out.add(switch (unmet.kind()) {
                case "soak" -> soak(unmet);
                case "approvals" -> approvals(unmet, decision);
                default -> plain(unmet);
            });
        }
        return out;
    }

    private static String plain(UnmetRequirement unmet) {
        return unmet.statementId() + " (" + unmet.missing() + ")";
    }

    private static String soak(UnmetRequirement unmet) {
        Matcher remaining = SOAK_REMAINING.matcher(unmet.missing());
        if (remaining.find()) {
            return "soak " + remaining.group(2) + " in " + remaining.group(1);
        }
        Matcher notVerified = NOT_VERIFIED.matcher(unmet.missing());
        if (notVerified.find()) {
            return "a verified report from " + notVerified.group(1) + ", then " + notVerified.group(2) + " of soak";
        }
        return plain(unmet);
    }

    /** {@code 2 approvals from release-managers (rae and rob may approve)}: who is left, as the decision says. */
    private static String approvals(UnmetRequirement unmet, Decision decision) {
        Matcher more = MORE_APPROVALS.matcher(unmet.missing());
        if (!more.find()) {
            return plain(unmet);
        }
        int missing = Integer.parseInt(more.group(1));
        String kind = (more.group(2) == null ? "" : "break-glass ") + (missing == 1 ? "approval" : "approvals");
        if (unmet.approverGroups().contains("*")) {
            // Anyone may approve: name who may not (the initiator, the builder, whoever counted already).
            Set<String> excluded = new LinkedHashSet<>();
            Matcher counted = COUNTED.matcher(unmet.missing());
            if (counted.find() && counted.group(1) != null) {
                excluded.addAll(List.of(counted.group(1).split(", ")));
            }
            decision.request().ifPresent(request -> {
                excluded.add(request.principal().id());
                excluded.add(request.artifact().provenance().builder());
            });
            return missing + " " + kind + " (anyone but " + String.join(", ", excluded) + ")";
        }
        String from = String.join(" or ", unmet.approverGroups());
        return missing + " " + kind + " from " + from + " (" + (unmet.approvers().isEmpty() ? "nobody left in " + from
                + " may approve" : names(unmet.approvers()) + " may approve") + ")";
    }

    /** {@code rob}, {@code rob and rae}, {@code rob, rae and rita}. */
    static String names(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
