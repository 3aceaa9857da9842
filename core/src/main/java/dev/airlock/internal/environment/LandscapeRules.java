package dev.airlock.internal.environment;

import dev.airlock.environment.AccountId;
import dev.airlock.environment.Environment;
import dev.airlock.environment.PromotionGraph;
import dev.airlock.environment.SpecialAccounts;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The invariants of a landscape. Each violation names a path ({@code environments[2].account},
 * {@code pipeline.promotions[0]}) that a loader maps back to a line and column.
 */
public final class LandscapeRules {

    /** One broken invariant: where (as a path into the configuration) and what. */
    public record Violation(String path, String message) {
    }

    private LandscapeRules() {
    }

    public static List<Violation> check(SpecialAccounts accounts, List<Environment> environments, PromotionGraph graph) {
        List<Violation> out = new ArrayList<>();
        Map<String, Environment> byName = new HashMap<>();
        Map<AccountId, String> accountOwner = new HashMap<>();

        if (accounts.security().equals(accounts.tooling())) {
            out.add(new Violation("accounts.security", "security account " + accounts.security()
                    + " must differ from the tooling account; the audit trail is kept apart from where promotions run"));
        }
        if (accounts.logArchive() != null && accounts.roleOf(accounts.logArchive()).filter(r -> !r.equals("logArchive")).isPresent()) {
            out.add(new Violation("accounts.logArchive", "log archive account " + accounts.logArchive()
                    + " must differ from the tooling and security accounts"));
        }
        for (int i = 0; i < environments.size(); i++) {
            Environment env = environments.get(i);
            String at = "environments[" + i + "]";
            if (byName.putIfAbsent(env.name(), env) != null) {
                out.add(new Violation(at + ".name", "duplicate environment name '" + env.name() + "'; names must be unique"));
            }
            accounts.roleOf(env.account()).ifPresent(role -> out.add(new Violation(at + ".account",
                    "account " + env.account() + " is the " + role + " account; special accounts never host environments")));
            String owner = accountOwner.putIfAbsent(env.account(), env.name());
            if (owner != null && !owner.equals(env.name())) {
                out.add(new Violation(at + ".account", "account " + env.account() + " already belongs to environment '"
                        + owner + "'; each environment needs its own account"));
            }
            if (!env.deployRole().account().equals(env.account())) {
                out.add(new Violation(at + ".deployRole", "deploy role " + env.deployRole() + " is in account "
                        + env.deployRole().account() + " but environment '" + env.name() + "' is in account "
                        + env.account() + "; the role must be in the environment's own account"));
            }
        }

        for (int i = 0; i < graph.entries().size(); i++) {
            String entry = graph.entries().get(i);
            if (!byName.containsKey(entry)) {
                out.add(new Violation("pipeline.entry[" + i + "]", "unknown environment '" + entry + "'"));
            }
        }
        Set<PromotionGraph.Edge> seen = new HashSet<>();
        boolean edgesKnown = true;
        for (int i = 0; i < graph.edges().size(); i++) {
            PromotionGraph.Edge edge = graph.edges().get(i);
            String at = "pipeline.promotions[" + i + "]";
            Environment from = byName.get(edge.from());
            Environment to = byName.get(edge.to());
            if (from == null || to == null) {
                edgesKnown = false;
                out.add(new Violation(at, "unknown environment '" + (from == null ? edge.from() : edge.to()) + "' in " + edge));
                continue;
            }
            if (!seen.add(edge)) {
                out.add(new Violation(at, "duplicate promotion " + edge));
            }
            if (to.tier().isLowerThan(from.tier())) {
                out.add(new Violation(at, "promotion " + edge + " goes down from tier " + from.tier().configName()
                        + " to " + to.tier().configName() + "; promotions never move to a lower tier"));
            }
        }
        if (edgesKnown) {
            checkAcyclic(graph, out);
            checkReachable(environments, graph, out);
        }
        return out;
    }

    private static void checkAcyclic(PromotionGraph graph, List<Violation> out) {
        Map<String, Integer> state = new HashMap<>(); // absent: unvisited, 1: on the path, 2: done
        for (int i = 0; i < graph.edges().size(); i++) {
            List<String> cycle = findCycle(graph, graph.edges().get(i).from(), state, new ArrayDeque<>());
            if (cycle != null) {
                int index = indexOfEdge(graph, cycle.get(cycle.size() - 2), cycle.get(cycle.size() - 1));
                out.add(new Violation("pipeline.promotions[" + index + "]",
                        "the promotion graph has a cycle: " + String.join(" -> ", cycle) + "; it must be acyclic"));
                return;
            }
        }
    }

    private static List<String> findCycle(PromotionGraph graph, String node, Map<String, Integer> state, Deque<String> path) {
        Integer s = state.get(node);
        if (s != null && s == 2) {
            return null;
        }
        if (s != null) {
            List<String> cycle = new ArrayList<>();
            boolean on = false;
            for (String p : (Iterable<String>) path::descendingIterator) {
                on |= p.equals(node);
                if (on) {
                    cycle.add(p);
                }
            }
            cycle.add(node);
            return cycle;
        }
        state.put(node, 1);
        path.push(node);
        for (String next : graph.successors(node)) {
            List<String> cycle = findCycle(graph, next, state, path);
            if (cycle != null) {
                return cycle;
            }
        }
        path.pop();
        state.put(node, 2);
        return null;
    }

    private static int indexOfEdge(PromotionGraph graph, String from, String to) {
        return graph.edges().indexOf(new PromotionGraph.Edge(from, to));
    }

    private static void checkReachable(List<Environment> environments, PromotionGraph graph, List<Violation> out) {
        List<String> entries = graph.entries().isEmpty() ? defaultEntries(environments, graph) : graph.entries();
        Set<String> reached = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(entries);
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (reached.add(next)) {
                todo.addAll(graph.successors(next));
            }
        }
        for (int i = 0; i < environments.size(); i++) {
            String name = environments.get(i).name();
            if (!reached.contains(name)) {
                out.add(new Violation("environments[" + i + "].name", "environment '" + name
                        + "' is not reachable from an entry stage (" + String.join(", ", entries) + ")"));
            }
        }
    }

    /** Without declared entries, every environment nothing promotes into is an entry. */
    public static List<String> defaultEntries(List<Environment> environments, PromotionGraph graph) {
        return environments.stream().map(Environment::name).filter(n -> graph.predecessors(n).isEmpty()).toList();
    }
}
