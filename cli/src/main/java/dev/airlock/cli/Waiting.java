package dev.airlock.cli;

import dev.airlock.config.AirlockConfiguration;
import dev.airlock.guardrail.Decision;
import dev.airlock.guardrail.Outcome;
import dev.airlock.guardrail.StatementResult;
import dev.airlock.guardrail.StatementResult.Verdict;
import dev.airlock.guardrail.policy.PolicyDocument;
import dev.airlock.guardrail.policy.Rule;
import dev.airlock.guardrail.policy.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a pending decision waits for, short enough to lead an answer: {@code soak 23h20m in staging, 2
 * approvals from release-managers (rob and rae may approve)}. People read this line first; the statements
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
    static String headline(Decision decision, AirlockConfiguration configuration) {
        if (decision.outcome() != Outcome.PENDING) {
            return decision.summary();
        }
        return "PENDING" + (decision.breakGlass() ? " (break-glass)" : "") + ": waiting for: "
                + String.join(", ", items(decision, configuration));
    }

    /** One short item per unmet requirement. */
    static List<String> items(Decision decision, AirlockConfiguration configuration) {
        List<String> out = new ArrayList<>();
        for (StatementResult unmet : decision.results(Verdict.UNMET)) {
            Rule rule = rule(configuration, unmet.statementId()).orElse(null);
            out.add(rule instanceof Rule.Soak ? soak(unmet)
                    : rule instanceof Rule.Approvals approvals ? approvals(unmet, approvals, decision, configuration)
                    : unmet.statementId() + " (" + unmet.reason() + ")");
        }
        return out;
    }

    private static String soak(StatementResult unmet) {
        Matcher remaining = SOAK_REMAINING.matcher(unmet.reason());
        if (remaining.find()) {
            return "soak " + remaining.group(2) + " in " + remaining.group(1);
        }
        Matcher notVerified = NOT_VERIFIED.matcher(unmet.reason());
        if (notVerified.find()) {
            return "a verified report from " + notVerified.group(1) + ", then " + notVerified.group(2) + " of soak";
        }
        return unmet.statementId() + " (" + unmet.reason() + ")";
    }

    /** {@code 2 approvals from release-managers (rob and rae may approve)}: who is left, from the file's groups. */
    private static String approvals(StatementResult unmet, Rule.Approvals rule, Decision decision,
            AirlockConfiguration configuration) {
        Matcher more = MORE_APPROVALS.matcher(unmet.reason());
        if (!more.find()) {
            return unmet.statementId() + " (" + unmet.reason() + ")";
        }
        int missing = Integer.parseInt(more.group(1));
        String kind = (more.group(2) == null ? "" : "break-glass ") + (missing == 1 ? "approval" : "approvals");
        Set<String> excluded = new LinkedHashSet<>();
        Matcher counted = COUNTED.matcher(unmet.reason());
        if (counted.find() && counted.group(1) != null) {
            excluded.addAll(List.of(counted.group(1).split(", ")));
        }
        decision.request().ifPresent(request -> {
            excluded.add(request.principal().id()); // the initiator and the builder never count
            excluded.add(request.artifact().provenance().builder());
        });
        if (rule.from().isEmpty()) {
            return missing + " " + kind + " (anyone but " + String.join(", ", excluded) + ")";
        }
        Set<String> eligible = new LinkedHashSet<>();
        rule.from().forEach(group -> eligible.addAll(configuration.groups().getOrDefault(group, List.of())));
        eligible.removeAll(excluded);
        String from = String.join(" or ", rule.from());
        return missing + " " + kind + " from " + from + " (" + (eligible.isEmpty() ? "nobody left in " + from
                + " may approve" : names(List.copyOf(eligible)) + " may approve") + ")";
    }

    /** {@code rob}, {@code rob and rae}, {@code rob, rae and rita}. */
    static String names(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private static Optional<Rule> rule(AirlockConfiguration configuration, String statementId) {
        for (PolicyDocument document : configuration.policies().documents()) {
            for (Statement statement : document.statements()) {
                if (statement.id().equals(statementId)) {
                    return Optional.of(statement.rule());
                }
            }
        }
        return Optional.empty();
    }
}
