package dev.airlock.internal.config;

import dev.airlock.environment.AccountId;
import dev.airlock.environment.Environment;
import dev.airlock.environment.Landscape;
import dev.airlock.environment.PromotionGraph;
import dev.airlock.environment.Region;
import dev.airlock.environment.RoleArn;
import dev.airlock.environment.SpecialAccounts;
import dev.airlock.environment.Tier;
import dev.airlock.internal.config.Node.Location;
import dev.airlock.internal.config.Node.MapNode;
import dev.airlock.internal.environment.LandscapeRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the landscape part of a configuration file ({@code accounts}, {@code environments},
 * {@code pipeline}) and maps each invariant violation back to the line and column it came from.
 */
public final class LandscapeSection {
    private static final Set<String> ACCOUNT_KEYS = Set.of("tooling", "security", "logArchive");
    private static final Set<String> ENVIRONMENT_REQUIRED = Set.of("name", "account", "regions", "tier", "deployRole");
    private static final Set<String> ENVIRONMENT_KEYS = Set.of("name", "account", "regions", "tier", "deployRole",
            "owners", "labels");
    private static final Set<String> PIPELINE_KEYS = Set.of("entry", "promotions");
    private static final Set<String> PROMOTION_KEYS = Set.of("from", "to");

    private final ConfigReader reader;
    /** Where each path that {@link LandscapeRules} may name was written. */
    private final Map<String, Location> locations = new HashMap<>();

    private LandscapeSection(ConfigReader reader) {
        this.reader = reader;
    }

    /** Reads the landscape from the root map; empty when there were problems (all reported to {@code reader}). */
    public static Optional<Landscape> read(MapNode root, ConfigReader reader) {
        return new LandscapeSection(reader).read(root);
    }

    private Optional<Landscape> read(MapNode root) {
        int before = reader.problems().size();
        SpecialAccounts accounts = ConfigReader.get(root, "accounts").flatMap(this::accounts).orElse(null);
        List<Environment> environments = ConfigReader.get(root, "environments").map(this::environments).orElse(List.of());
        PromotionGraph graph = ConfigReader.get(root, "pipeline").map(this::pipeline)
                .orElse(new PromotionGraph(List.of(), List.of()));
        if (reader.problems().size() > before || accounts == null) {
            return Optional.empty();
        }
        List<LandscapeRules.Violation> violations = LandscapeRules.check(accounts, environments, graph);
        for (LandscapeRules.Violation violation : violations) {
            reader.error(locate(violation.path(), root), violation.message());
        }
        return violations.isEmpty() ? Optional.of(new Landscape(accounts, environments, graph)) : Optional.empty();
    }

    /** The location of a path, or of its closest recorded parent. */
    private Location locate(String path, MapNode root) {
        for (String p = path; !p.isEmpty(); p = p.contains(".") ? p.substring(0, p.lastIndexOf('.')) : "") {
            Location at = locations.get(p);
            if (at != null) {
                return at;
            }
        }
        return root.location();
    }

    private Optional<SpecialAccounts> accounts(Node node) {
        locations.put("accounts", node.location());
        return reader.map(node, "accounts", Set.of("tooling", "security"), ACCOUNT_KEYS).flatMap(map -> {
            AccountId tooling = account(map, "tooling");
            AccountId security = account(map, "security");
            AccountId logArchive = account(map, "logArchive");
            return tooling == null || security == null ? Optional.empty()
                    : Optional.of(new SpecialAccounts(tooling, security, logArchive));
        });
    }

    private AccountId account(MapNode map, String key) {
        return ConfigReader.get(map, key).flatMap(node -> {
            locations.put("accounts." + key, node.location());
            return reader.value(node, "accounts." + key, AccountId::of);
        }).orElse(null);
    }

    private List<Environment> environments(Node node) {
        List<Environment> out = new ArrayList<>();
        List<Node> items = reader.list(node, "environments", false);
        for (int i = 0; i < items.size(); i++) {
            String path = "environments[" + i + "]";
            Node item = items.get(i);
            locations.put(path, item.location());
            reader.map(item, "environment", ENVIRONMENT_REQUIRED, ENVIRONMENT_KEYS)
                    .flatMap(map -> environment(map, path)).ifPresent(out::add);
        }
        return out;
    }

    private Optional<Environment> environment(MapNode map, String path) {
        int before = reader.problems().size();
        String name = field(map, path, "name", Environment::validateName);
        String what = name == null ? "environment" : "environment '" + name + "'";
        AccountId account = field(map, path, "account", AccountId::of);
        List<Region> regions = ConfigReader.get(map, "regions").map(n -> reader.values(n, what + " regions", Region::of))
                .orElse(List.of());
        if (regions.isEmpty() && map.fields().containsKey("regions") && reader.problems().size() == before) {
            reader.error(map.fields().get("regions").value(), what + " must name at least one region");
        }
        Tier tier = field(map, path, "tier", Tier::parse);
        RoleArn role = field(map, path, "deployRole", RoleArn::parse);
        List<String> owners = ConfigReader.get(map, "owners").map(n -> reader.values(n, what + " owners", s -> s))
                .orElse(List.of());
        Map<String, String> labels = ConfigReader.get(map, "labels").map(n -> reader.textMap(n, what + " labels"))
                .orElse(Map.of());
        // A missing key was reported by the caller, before this method counted problems.
        if (reader.problems().size() > before || name == null || account == null || regions.isEmpty() || tier == null
                || role == null) {
            return Optional.empty();
        }
        return Optional.of(new Environment(name, account, regions, tier, role, owners, labels));
    }

    private <T> T field(MapNode map, String path, String key, java.util.function.Function<String, T> parser) {
        return ConfigReader.get(map, key).flatMap(node -> {
            locations.put(path + "." + key, node.location());
            return reader.value(node, key, parser);
        }).orElse(null);
    }

    private PromotionGraph pipeline(Node node) {
        locations.put("pipeline", node.location());
        List<String> entries = new ArrayList<>();
        List<PromotionGraph.Edge> edges = new ArrayList<>();
        reader.map(node, "pipeline", Set.of("promotions"), PIPELINE_KEYS).ifPresent(map -> {
            ConfigReader.get(map, "entry").ifPresent(entryNode -> {
                List<Node> items = reader.list(entryNode, "pipeline.entry", true);
                for (Node item : items) {
                    locations.put("pipeline.entry[" + entries.size() + "]", item.location());
                    reader.text(item, "pipeline.entry").ifPresent(entries::add);
                }
            });
            ConfigReader.get(map, "promotions").ifPresent(list -> {
                for (Node item : reader.list(list, "pipeline.promotions", false)) {
                    reader.map(item, "promotion", PROMOTION_KEYS, PROMOTION_KEYS).ifPresent(edge -> {
                        Optional<String> from = ConfigReader.get(edge, "from").flatMap(n -> reader.text(n, "from"));
                        List<String> targets = ConfigReader.get(edge, "to")
                                .map(n -> reader.values(n, "to", s -> s)).orElse(List.of());
                        from.ifPresent(f -> targets.forEach(t -> {
                            locations.put("pipeline.promotions[" + edges.size() + "]", item.location());
                            edges.add(new PromotionGraph.Edge(f, t));
                        }));
                    });
                }
            });
        });
        return new PromotionGraph(entries, edges);
    }
}
