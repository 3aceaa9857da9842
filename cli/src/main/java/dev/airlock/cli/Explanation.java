package dev.airlock.cli;

import dev.airlock.guardrail.Decision;
import dev.airlock.guardrail.StatementResult.Verdict;
import dev.airlock.guardrail.StatementResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A decision as people read it: one headline (what it waits for, or what denies it), then the statements
 * that stop it, before those that pass; a promotion shows only the former, a plan all of them.
 */
final class Explanation {
    private Explanation() {
    }

    /** Headline, request, every statement (those that stop it first): what {@code plan} prints. */
    static String full(Decision decision) {
        return text(decision, true);
    }

    /** Headline, request, only the statements that stop it, and how many pass: what a refused promotion prints. */
    static String brief(Decision decision) {
        return text(decision, false);
    }

    private static String text(Decision decision, boolean all) {
        String[] lines = decision.explain().split("\n");
        List<StatementResult> results = decision.results();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < results.size() && i + 1 < lines.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt(i -> rank(results.get(i).verdict())));
        StringBuilder out = new StringBuilder(Waiting.headline(decision)).append('\n');
        out.append(lines[0].replaceFirst("^[A-Z]+: ", "  request: ")).append('\n');
        int passing = 0;
        for (int i : order) {
            if (all || rank(results.get(i).verdict()) < 2) {
                out.append(lines[i + 1]).append('\n');
            } else {
                passing++;
            }
        }
        if (passing > 0) {
            out.append("  (").append(passing).append(passing == 1 ? " other statement passes" : " other statements pass")
                    .append("; plan shows every statement)\n");
        }
        return out.toString();
    }

    /** Denies first, then what is still missing; what passes last. */
    private static int rank(Verdict verdict) {
        return switch (verdict) {
            case DENIES -> 0;
            case UNMET -> 1;
            case BYPASSED -> 2;
            case ALLOWS -> 3;
            case PASSES -> 4;
        };
    }
}
