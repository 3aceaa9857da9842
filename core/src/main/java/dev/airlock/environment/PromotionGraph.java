package dev.airlock.environment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The stages artifacts move through: a directed acyclic graph of environments. {@link #entries()}
 * are where artifacts first arrive; fan-out (one stage feeding several) is allowed.
 */
public record PromotionGraph(List<String> entries, List<Edge> edges) {

    /** One allowed promotion, from a source environment into a target environment. */
    public record Edge(String from, String to) {
        @Override
        public String toString() {
            return from + " -> " + to;
        }
    }

    public PromotionGraph {
        entries = List.copyOf(entries);
        edges = List.copyOf(edges);
    }

    /** The stages a target is promoted from; empty for an entry stage. */
    public Set<String> predecessors(String target) {
        Set<String> out = new LinkedHashSet<>();
        for (Edge edge : edges) {
            if (edge.to().equals(target)) {
                out.add(edge.from());
            }
        }
        return out;
    }

    /** The stages a source feeds. */
    public Set<String> successors(String source) {
        Set<String> out = new LinkedHashSet<>();
        for (Edge edge : edges) {
            if (edge.from().equals(source)) {
                out.add(edge.to());
            }
        }
        return out;
    }

    public boolean isEntry(String environment) {
        return entries.contains(environment);
    }

    public boolean hasEdge(String from, String to) {
        return edges.contains(new Edge(from, to));
    }

    /** A fluent builder: {@code PromotionGraph.builder().entry("dev").edge("dev", "test").build()}. */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final List<String> entries = new ArrayList<>();
        private final List<Edge> edges = new ArrayList<>();

        public Builder entry(String environment) {
            entries.add(environment);
            return this;
        }

        /** Adds an edge from {@code from} to each of {@code to} (fan-out). */
        public Builder edge(String from, String... to) {
            for (String target : to) {
                edges.add(new Edge(from, target));
            }
            return this;
        }

        /** A straight line: the first stage is the entry, each feeds the next. */
        public Builder chain(String... stages) {
            entries.add(stages[0]);
            for (int i = 1; i < stages.length; i++) {
                edges.add(new Edge(stages[i - 1], stages[i]));
            }
            return this;
        }

        public PromotionGraph build() {
            return new PromotionGraph(entries, edges);
        }
    }
}
