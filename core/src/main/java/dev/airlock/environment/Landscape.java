package dev.airlock.environment;

import dev.airlock.InvalidValueException;
import dev.airlock.config.InvalidConfigurationException;
import dev.airlock.config.Problem;
import dev.airlock.internal.environment.LandscapeRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything Airlock knows about an organization's accounts: the special accounts, the
 * environments and the promotion graph between them. Construction checks every invariant and
 * reports all violations at once.
 */
public final class Landscape {
    private final SpecialAccounts accounts;
    private final Map<String, Environment> environments;
    private final PromotionGraph graph;

    public Landscape(SpecialAccounts accounts, List<Environment> environments, PromotionGraph graph) {
        List<LandscapeRules.Violation> violations = LandscapeRules.check(accounts, environments, graph);
        if (!violations.isEmpty()) {
            throw new InvalidConfigurationException(violations.stream()
                    .map(v -> Problem.unlocated(v.path() + ": " + v.message())).toList());
        }
        this.accounts = accounts;
        Map<String, Environment> byName = new LinkedHashMap<>();
        environments.forEach(e -> byName.put(e.name(), e));
        this.environments = java.util.Collections.unmodifiableMap(byName);
        this.graph = graph.entries().isEmpty()
                ? new PromotionGraph(LandscapeRules.defaultEntries(environments, graph), graph.edges())
                : graph;
    }

    public SpecialAccounts accounts() {
        return accounts;
    }

    /** Environments in the order they were declared. */
    public List<Environment> environments() {
        return List.copyOf(environments.values());
    }

    public Set<String> environmentNames() {
        return environments.keySet();
    }

    public Optional<Environment> environment(String name) {
        return Optional.ofNullable(environments.get(name));
    }

    /** The named environment, or an {@link UnknownEnvironmentException} naming the known ones. */
    public Environment require(String name) {
        Environment environment = environments.get(name);
        if (environment == null) {
            throw new UnknownEnvironmentException(name, environments.keySet());
        }
        return environment;
    }

    public PromotionGraph graph() {
        return graph;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Landscape other && accounts.equals(other.accounts)
                && environments().equals(other.environments()) && graph.equals(other.graph);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(accounts, environments(), graph);
    }

    @Override
    public String toString() {
        return "Landscape" + environmentNames() + " " + graph.edges();
    }

    /**
     * A fluent builder for landscapes in code and tests:
     * {@code Landscape.builder().tooling("111111111111").security("999999999999")
     * .environment(Environment.builder("dev").account("222222222222").build()).chain("dev", "prod").build()}.
     */
    public static final class Builder {
        private String tooling;
        private String security;
        private String logArchive;
        private final List<Environment> environments = new ArrayList<>();
        private final PromotionGraph.Builder graph = PromotionGraph.builder();

        public Builder tooling(String account) {
            this.tooling = account;
            return this;
        }

        public Builder security(String account) {
            this.security = account;
            return this;
        }

        public Builder logArchive(String account) {
            this.logArchive = account;
            return this;
        }

        public Builder environment(Environment environment) {
            environments.add(environment);
            return this;
        }

        public Builder entry(String environment) {
            graph.entry(environment);
            return this;
        }

        public Builder edge(String from, String... to) {
            graph.edge(from, to);
            return this;
        }

        public Builder chain(String... stages) {
            graph.chain(stages);
            return this;
        }

        public Landscape build() {
            // Named here, because AccountId.of would report a missing one as just "account".
            InvalidValueException.requireNonNull("tooling", tooling);
            InvalidValueException.requireNonNull("security", security);
            SpecialAccounts special = new SpecialAccounts(AccountId.of(tooling), AccountId.of(security),
                    logArchive == null ? null : AccountId.of(logArchive));
            return new Landscape(special, environments, graph.build());
        }
    }
}
