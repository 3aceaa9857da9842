package dev.airlock.testkit;

import dev.airlock.InvalidValueException;
import dev.airlock.attestation.InMemoryKeys;
import dev.airlock.config.AirlockConfiguration;
import dev.airlock.environment.Environment;
import dev.airlock.environment.Landscape;
import dev.airlock.environment.RoleArn;
import dev.airlock.environment.Tier;
import dev.airlock.guardrail.Guardrails;
import dev.airlock.guardrail.policy.Attachment;
import dev.airlock.guardrail.policy.Policies;
import dev.airlock.guardrail.policy.PolicyDocument;
import dev.airlock.guardrail.policy.Rule;
import dev.airlock.guardrail.policy.Statement;
import dev.airlock.promotion.PromotionEngine;
import dev.airlock.spi.PromotionListener;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Describes a {@link TestWorld} in a few lines: accounts, environments, the pipeline, people,
 * policies and role trusts, or the same YAML configuration the {@code airlock} CLI reads. Every
 * role trusts the promoter unless told otherwise, so a test only spells out what it is about.
 * {@link #build()} may be called repeatedly; each call gives an independent world.
 */
public final class TestWorldBuilder {
    /** Monday 2026-03-02 09:00 UTC: inside weekday working-hours windows in Europe. */
    public static final Instant DEFAULT_START = Instant.parse("2026-03-02T09:00:00Z");
    /** The role promotions run as in the tooling account, unless {@link #caller} says otherwise. */
    public static final String DEFAULT_CALLER_ROLE = "airlock-promoter";

    private Instant start = DEFAULT_START;
    private final Landscape.Builder landscape = Landscape.builder();
    private final Set<String> landscapeCalls = new LinkedHashSet<>();
    private @Nullable String tooling;
    private @Nullable AirlockConfiguration configuration;
    private @Nullable Landscape givenLandscape;
    private final Map<String, List<String>> people = new LinkedHashMap<>();
    private final Map<String, List<String>> environmentGroups = new LinkedHashMap<>();
    private final List<PolicyDocument> policies = new ArrayList<>();
    private final Set<String> permittedGroups = new LinkedHashSet<>();
    private final Set<String> permittedPrincipals = new LinkedHashSet<>();
    private @Nullable String caller;
    private @Nullable String hub;
    private final List<RoleTrust> trusts = new ArrayList<>();
    private final Set<String> untrusted = new LinkedHashSet<>();
    private final Map<String, String> externalIds = new LinkedHashMap<>();
    private final Set<String> overwritable = new LinkedHashSet<>();
    private final List<PromotionListener> listeners = new ArrayList<>();
    private @Nullable Duration leaseDuration;
    private String sourceRepository = "github.com/acme/app";

    TestWorldBuilder() {
    }

    /** Where the clock starts; {@link #DEFAULT_START} unless set. */
    public TestWorldBuilder startingAt(Instant start) {
        this.start = InvalidValueException.requireNonNull("start", start);
        return this;
    }

    /** Where the clock starts, as an ISO-8601 instant such as {@code 2026-03-06T16:00:00Z}. */
    public TestWorldBuilder startingAt(String isoInstant) {
        InvalidValueException.requireNonNull("start", isoInstant);
        try {
            return startingAt(Instant.parse(isoInstant));
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidValueException("start", isoInstant, "must be an ISO-8601 instant like 2026-03-02T09:00:00Z");
        }
    }

    /** The tooling account: where artifacts are built and promotions run. */
    public TestWorldBuilder tooling(String account) {
        landscapeCalls.add("tooling");
        this.tooling = account;
        landscape.tooling(account);
        return this;
    }

    /** The security account: where the ledger lives. */
    public TestWorldBuilder security(String account) {
        landscapeCalls.add("security");
        landscape.security(account);
        return this;
    }

    /** Adds an environment with its own account, one region ({@code eu-central-1}) and the deploy role {@code role/airlock-deploy}. */
    public TestWorldBuilder environment(String name, String account, Tier tier) {
        return environment(Environment.builder(name).account(account).tier(tier).build());
    }

    /** Adds an environment described in full. */
    public TestWorldBuilder environment(Environment environment) {
        landscapeCalls.add("environment");
        landscape.environment(InvalidValueException.requireNonNull("environment", environment));
        return this;
    }

    /** A straight pipeline: the first stage is the entry and each stage feeds the next. */
    public TestWorldBuilder pipeline(String... stages) {
        if (stages.length == 0) {
            throw new InvalidValueException("pipeline", "[]", "must name at least one environment");
        }
        landscapeCalls.add("pipeline");
        landscape.chain(stages);
        return this;
    }

    /** An entry stage, for graphs that are not a straight line. */
    public TestWorldBuilder entry(String environment) {
        landscapeCalls.add("entry");
        landscape.entry(environment);
        return this;
    }

    /** Promotions from {@code from} into each of {@code to} (fan-out). */
    public TestWorldBuilder edge(String from, String... to) {
        landscapeCalls.add("edge");
        landscape.edge(from, to);
        return this;
    }

    /** Uses a landscape built elsewhere, e.g. the one your production code reads; add permissions and policies here. */
    public TestWorldBuilder landscape(Landscape landscape) {
        this.givenLandscape = InvalidValueException.requireNonNull("landscape", landscape);
        return this;
    }

    /**
     * Takes the landscape, people groups, environment groups and policies from an Airlock
     * configuration file (YAML, or JSON for {@code .json}), the one the {@code airlock} CLI reads.
     * Permissions, people and policies added here come on top; the landscape cannot be changed.
     *
     * @throws dev.airlock.config.InvalidConfigurationException listing every problem with its line and column
     */
    public TestWorldBuilder configuration(Path file) {
        return configuration(AirlockConfiguration.load(InvalidValueException.requireNonNull("file", file)));
    }

    /** Like {@link #configuration(Path)} for YAML text; {@code source} names it in problems. */
    public TestWorldBuilder configurationYaml(String source, String yaml) {
        InvalidValueException.requireNonNull("yaml", yaml);
        return configuration(AirlockConfiguration.parse(source, yaml, false));
    }

    /** Like {@link #configuration(Path)} for a configuration already loaded or built in code. */
    public TestWorldBuilder configuration(AirlockConfiguration configuration) {
        this.configuration = InvalidValueException.requireNonNull("configuration", configuration);
        return this;
    }

    /** A people group and its members; a group with no members takes them from the principals' own groups. */
    public TestWorldBuilder people(String group, String... members) {
        InvalidValueException.requireNonNull("group", group);
        people.put(group, List.of(members));
        return this;
    }

    /** An environment group that policies can attach to. */
    public TestWorldBuilder environmentGroup(String name, String... environments) {
        InvalidValueException.requireNonNull("name", name);
        environmentGroups.put(name, List.of(environments));
        return this;
    }

    /** Adds a policy document (guardrails, permissions, requirements). */
    public TestWorldBuilder policy(PolicyDocument document) {
        policies.add(InvalidValueException.requireNonNull("document", document));
        return this;
    }

    /**
     * Lets members of {@code groups} promote anywhere (an organization-level permission; guardrails
     * still apply). Groups not declared with {@link #people} take their members from principals.
     */
    public TestWorldBuilder permit(String... groups) {
        for (String group : groups) {
            permittedGroups.add(InvalidValueException.requireNonNull("group", group));
        }
        return this;
    }

    /** Lets the named principals promote anywhere (guardrails still apply). */
    public TestWorldBuilder permitPrincipals(String... principals) {
        for (String principal : principals) {
            permittedPrincipals.add(InvalidValueException.requireNonNull("principal", principal));
        }
        return this;
    }

    /** The role promotions start from, in the tooling account; {@code role/airlock-promoter} unless set. */
    public TestWorldBuilder caller(String roleArn) {
        RoleArn.parse(roleArn);
        this.caller = roleArn;
        return this;
    }

    /** Chains through a hub role before each environment's deploy role. */
    public TestWorldBuilder hub(String roleArn) {
        RoleArn.parse(roleArn);
        this.hub = roleArn;
        return this;
    }

    /** Sets a role's trust, replacing the default (trusting the caller, or the hub). */
    public TestWorldBuilder trust(RoleTrust trust) {
        trusts.add(InvalidValueException.requireNonNull("trust", trust));
        return this;
    }

    /**
     * Leaves {@code environment}'s deploy role trusting nobody: the misconfiguration where the role
     * exists but its trust policy does not name the promoter. Opening access to it is refused.
     */
    public TestWorldBuilder noTrust(String environment) {
        untrusted.add(InvalidValueException.requireNonNull("environment", environment));
        return this;
    }

    /** The external id the promoter presents to {@code environment}'s deploy role. */
    public TestWorldBuilder externalId(String environment, String externalId) {
        externalIds.put(InvalidValueException.requireNonNull("environment", environment),
                InvalidValueException.requireNonNull("externalId", externalId));
        return this;
    }

    /** Makes {@code environment}'s repository let tags be overwritten (for the immutable-repository guardrail). */
    public TestWorldBuilder overwritableRepository(String environment) {
        overwritable.add(Environment.validateName(environment));
        return this;
    }

    /** The source repository artifacts registered with {@link TestWorld#register} come from. */
    public TestWorldBuilder sourceRepository(String repository) {
        this.sourceRepository = InvalidValueException.requireNonNull("sourceRepository", repository);
        return this;
    }

    /** Adds a listener told about every ledger entry. */
    public TestWorldBuilder listener(PromotionListener listener) {
        listeners.add(InvalidValueException.requireNonNull("listener", listener));
        return this;
    }

    /** How long a promotion's lease lasts; the engine's default unless set. */
    public TestWorldBuilder leaseDuration(Duration duration) {
        this.leaseDuration = InvalidValueException.requireNonNull("leaseDuration", duration);
        return this;
    }

    /**
     * Builds a fresh, independent world.
     *
     * @throws InvalidValueException if the description is incomplete or contradicts itself
     * @throws dev.airlock.config.InvalidConfigurationException if the landscape or policies break a rule
     */
    public TestWorld build() {
        Landscape builtLandscape = landscape();
        Map<String, List<String>> groups = new LinkedHashMap<>();
        List<PolicyDocument> documents = new ArrayList<>();
        Map<String, List<String>> envGroups = new LinkedHashMap<>();
        if (configuration != null) {
            groups.putAll(configuration.groups());
            documents.addAll(configuration.policies().documents());
            envGroups.putAll(configuration.policies().environmentGroups());
        }
        groups.putAll(people);
        envGroups.putAll(environmentGroups);
        documents.addAll(policies);
        permittedGroups.forEach(group -> groups.putIfAbsent(group, List.of()));
        if (!permittedGroups.isEmpty() || !permittedPrincipals.isEmpty()) {
            documents.add(PolicyDocument.of("testkit-permissions", "1", Attachment.organization(),
                    Statement.of("testkit-permit", new Rule.Permission(List.copyOf(permittedPrincipals),
                            List.copyOf(permittedGroups)))));
        }
        Guardrails guardrails = Guardrails.of(builtLandscape, new Policies(envGroups, documents), groups);

        ManualClock clock = ManualClock.at(start);
        Faults faults = new Faults(clock);
        CallLog calls = new CallLog();
        InMemoryEnvironmentAccess access = access(builtLandscape, faults, calls, clock);
        String promoter = InMemoryEnvironmentAccess.sessionArn(access.caller(), InMemoryEnvironmentAccess.BASE_SESSION);
        InMemoryArtifactStore store = InMemoryArtifactStore.create(builtLandscape.accounts().tooling(), promoter,
                faults, calls, clock);
        overwritable.forEach(environment -> {
            builtLandscape.require(environment);
            store.allowOverwrites(environment);
        });
        InMemoryLedger ledger = new InMemoryLedger();
        FaultyLedger engineLedger = new FaultyLedger(ledger, builtLandscape.accounts().security(), promoter, faults,
                calls, clock);
        List<PromotionListener> engineListeners = List.copyOf(listeners);
        Duration lease = leaseDuration;
        InMemoryKeys keys = new InMemoryKeys();
        Supplier<PromotionEngine> engines = () -> {
            PromotionEngine.Builder engine = PromotionEngine.builder().landscape(builtLandscape).guardrails(guardrails)
                    .store(store).access(access).clock(clock).ledger(engineLedger).keyring(keys).signers(keys);
            engineListeners.forEach(engine::listener);
            if (lease != null) {
                engine.leaseDuration(lease);
            }
            return engine.build();
        };
        return new TestWorld(builtLandscape, guardrails, Collections.unmodifiableMap(groups), clock, faults, calls,
                store, access, ledger, engines, sourceRepository, keys);
    }

    private Landscape landscape() {
        if (givenLandscape != null) {
            if (configuration != null || !landscapeCalls.isEmpty()) {
                throw new InvalidValueException("landscape", givenLandscape, "is given; do not also call "
                        + (configuration != null ? "configuration()" : String.join("(), ", landscapeCalls) + "()"));
            }
            return givenLandscape;
        }
        if (configuration != null) {
            if (!landscapeCalls.isEmpty()) {
                throw new InvalidValueException("configuration", configuration.landscape(),
                        "already describes the landscape; do not also call " + String.join("(), ", landscapeCalls)
                                + "()");
            }
            return configuration.landscape();
        }
        if (!landscapeCalls.contains("environment")) {
            throw new InvalidValueException("environments", "[]", "must name at least one environment: call "
                    + "environment(...) or configuration(...), or start from TestWorld.fourStages()");
        }
        InvalidValueException.requireNonNull("tooling", tooling);
        return landscape.build();
    }

    private InMemoryEnvironmentAccess access(Landscape built, Faults faults, CallLog calls, ManualClock clock) {
        String callerRole = caller != null ? caller
                : "arn:aws:iam::" + built.accounts().tooling() + ":role/" + DEFAULT_CALLER_ROLE;
        InMemoryEnvironmentAccess.Builder access = InMemoryEnvironmentAccess.builder(built, callerRole)
                .faults(faults).calls(calls).clock(clock);
        if (hub != null) {
            access.hub(hub);
        }
        trusts.forEach(access::trust);
        for (String environment : untrusted) {
            access.trust(new RoleTrust(built.require(environment).deployRole(), List.of(), null));
        }
        access.trustByDefault();
        externalIds.forEach(access::externalId);
        return access.build();
    }
}
