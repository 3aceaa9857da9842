package dev.airlock.config;

import dev.airlock.InvalidValueException;
import dev.airlock.environment.Landscape;
import dev.airlock.guardrail.Guardrails;
import dev.airlock.guardrail.Principal;
import dev.airlock.guardrail.policy.Policies;
import dev.airlock.internal.config.ConfigReader;
import dev.airlock.internal.config.DocumentParser;
import dev.airlock.internal.config.LandscapeSection;
import dev.airlock.internal.config.Node.MapNode;
import dev.airlock.internal.config.Node;
import dev.airlock.internal.config.PolicySection;
import dev.airlock.promotion.PromotionEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An Airlock configuration file: the landscape (accounts, environments, pipeline), the groups of
 * people that policies refer to, the environment groups, the policies and the {@link #backend()}.
 * YAML or JSON; every problem is reported with its line and column, all at once, as an
 * {@link InvalidConfigurationException}.
 * A loaded configuration has its {@link #guardrails()} compiled and ready.
 */
public final class AirlockConfiguration {
    /** The configuration format version this build reads. */
    public static final int VERSION = 1;

    private static final Set<String> TOP_LEVEL_KEYS = Set.of("version", "accounts", "environments", "pipeline",
            "groups", "environmentGroups", "policies", "backend", "gates", "gateTimeout", "signing");

    private final Landscape landscape;
    private final Map<String, List<String>> groups;
    private final Policies policies;
    private final Guardrails guardrails;
    private final BackendConfiguration backend;
    private final List<GateConfiguration> gates;
    private final Duration gateTimeout;
    private final SigningConfiguration signing;

    /** A configuration with no policies: only the built-in statements guard promotions. */
    public AirlockConfiguration(Landscape landscape, Map<String, List<String>> groups) {
        this(landscape, groups, Policies.NONE);
    }

    /**
     * A configuration built in code.
     *
     * @throws InvalidConfigurationException when the policies do not fit the landscape or the groups
     */
    public AirlockConfiguration(Landscape landscape, Map<String, List<String>> groups, Policies policies) {
        this(landscape, groups, policies, BackendConfiguration.local());
    }

    /**
     * A configuration built in code, with its backend.
     *
     * @throws InvalidConfigurationException when the policies do not fit the landscape or the groups
     */
    public AirlockConfiguration(Landscape landscape, Map<String, List<String>> groups, Policies policies,
            BackendConfiguration backend) {
        this(landscape, groups, policies, backend, List.of(), SigningConfiguration.NONE);
    }

    /**
     * A configuration built in code, with its backend, HTTP gates and signing keys.
     *
     * @throws InvalidConfigurationException when the policies do not fit the landscape or the groups
     */
    public AirlockConfiguration(Landscape landscape, Map<String, List<String>> groups, Policies policies,
            BackendConfiguration backend, List<GateConfiguration> gates, SigningConfiguration signing) {
        this(landscape, groups, policies, backend, gates, PromotionEngine.DEFAULT_GATE_TIMEOUT, signing);
    }

    /**
     * A configuration built in code, with its backend, HTTP gates, how long a decision waits for its gates,
     * and signing keys.
     *
     * @throws InvalidConfigurationException when the policies do not fit the landscape or the groups
     */
    public AirlockConfiguration(Landscape landscape, Map<String, List<String>> groups, Policies policies,
            BackendConfiguration backend, List<GateConfiguration> gates, Duration gateTimeout,
            SigningConfiguration signing) {
        this.gates = List.copyOf(gates);
        String rule = PromotionEngine.gateTimeoutRule(Objects.requireNonNull(gateTimeout, "gateTimeout"));
        if (rule != null) {
            throw new InvalidValueException("gateTimeout", gateTimeout, rule);
        }
        this.gateTimeout = gateTimeout;
        this.signing = Objects.requireNonNull(signing, "signing");
        this.backend = Objects.requireNonNull(backend, "backend");
        this.landscape = Objects.requireNonNull(landscape, "landscape");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        groups.forEach((group, members) -> copy.put(group, List.copyOf(members)));
        this.groups = Collections.unmodifiableMap(copy);
        this.policies = Objects.requireNonNull(policies, "policies");
        this.guardrails = Guardrails.of(landscape, policies, this.groups);
    }

    /** Loads a file: {@code .json} is read as JSON, anything else as YAML. */
    public static AirlockConfiguration load(Path file) {
        return read(file.toString(), DocumentParser.parse(file), file.toAbsolutePath().getParent());
    }

    /** Parses configuration text; {@code source} names it in problems. */
    public static AirlockConfiguration parse(String source, String text, boolean json) {
        return read(source, DocumentParser.parse(source, text, json), Path.of("").toAbsolutePath());
    }

    public Landscape landscape() {
        return landscape;
    }

    /** People groups: group name to member principal ids, in file order. */
    public Map<String, List<String>> groups() {
        return groups;
    }

    /**
     * The principal {@code id} with the groups this configuration puts them in (none if it names them in no
     * group), so code never re-types group memberships the file already says.
     */
    public Principal principal(String id) {
        Set<String> memberOf = new LinkedHashSet<>();
        groups.forEach((group, members) -> {
            if (members.contains(id)) {
                memberOf.add(group);
            }
        });
        return new Principal(id, memberOf);
    }

    /** The environment groups and policy documents. */
    public Policies policies() {
        return policies;
    }

    /** The guardrails compiled from the landscape, the groups and the policies. */
    public Guardrails guardrails() {
        return guardrails;
    }

    /** The keys attestations are verified against and signed with; {@link SigningConfiguration#NONE} when not configured. */
    public SigningConfiguration signing() {
        return signing;
    }

    /** Where artifacts and the ledger live: local directories unless the file says {@code type: aws}. */
    public BackendConfiguration backend() {
        return backend;
    }

    /** The HTTP gates of the {@code gates:} section, by which {@code gate} statements are answered. */
    public List<GateConfiguration> gates() {
        return gates;
    }

    /**
     * How long a decision waits for the gates it asks, all at once: the file's top-level {@code gateTimeout},
     * else {@link PromotionEngine#DEFAULT_GATE_TIMEOUT}. Each HTTP gate's own {@code timeout} ends sooner
     * when shorter; a gate still unanswered when this ends counts as pending.
     */
    public Duration gateTimeout() {
        return gateTimeout;
    }

    private static AirlockConfiguration read(String source, Node document, Path directory) {
        ConfigReader reader = new ConfigReader(source);
        MapNode root = reader.map(document, "the configuration",
                Set.of("version", "accounts", "environments", "pipeline"), TOP_LEVEL_KEYS).orElse(null);
        if (root == null) {
            reader.throwIfProblems();
        }
        ConfigReader.get(root, "version").flatMap(v -> reader.integer(v, "version")).ifPresent(version -> {
            if (version != VERSION) {
                reader.error(root.fields().get("version").value(),
                        "version: '" + version + "' is not supported; this Airlock reads version " + VERSION);
            }
        });
        Map<String, List<String>> groups = ConfigReader.get(root, "groups").map(n -> groups(n, reader)).orElse(Map.of());
        Landscape landscape = LandscapeSection.read(root, reader).orElse(null);
        Policies policies = PolicySection.read(root, reader, landscape, groups).orElse(null);
        BackendConfiguration backend = BackendSection.read(root, reader).orElse(null);
        List<GateConfiguration> gates = GateSection.read(root, reader);
        Duration gateTimeout = GateSection.readEngineTimeout(root, reader);
        SigningConfiguration signing = SigningSection.read(root, reader, directory).orElse(null);
        reader.throwIfProblems();
        return new AirlockConfiguration(landscape, groups, policies, backend, gates, gateTimeout, signing);
    }

    private static Map<String, List<String>> groups(Node node, ConfigReader reader) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (!(node instanceof MapNode map)) {
            reader.error(node, "groups must be a map of group name to members, got " + node.kind());
            return out;
        }
        map.fields().values().forEach(field ->
                out.put(field.key(), reader.values(field.value(), "members of group '" + field.key() + "'", s -> s)));
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AirlockConfiguration other && landscape.equals(other.landscape) && groups.equals(other.groups)
                && policies.equals(other.policies) && backend.equals(other.backend) && gates.equals(other.gates)
                && gateTimeout.equals(other.gateTimeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(landscape, groups, policies, backend, gates, gateTimeout);
    }

    @Override
    public String toString() {
        return "AirlockConfiguration[landscape=" + landscape + ", groups=" + groups.keySet() + ", policies="
                + policies.documents().stream().map(d -> d.id() + "@" + d.version()).toList() + ", backend="
                + backend.type() + "]";
    }
}
