package dev.airlock.aws.internal;

import dev.airlock.InvalidValueException;
import dev.airlock.aws.AwsClientFactory;
import dev.airlock.aws.AwsConfiguration.Artifacts;
import dev.airlock.aws.AwsConfiguration;
import dev.airlock.aws.EcrStoreConfiguration;
import dev.airlock.aws.EcrStrategy;
import dev.airlock.aws.EnvironmentConfiguration;
import dev.airlock.aws.EventsConfiguration;
import dev.airlock.aws.IdentityMapping;
import dev.airlock.aws.ObjectLockRetention;
import dev.airlock.aws.RoleChainConfiguration;
import dev.airlock.aws.S3LedgerConfiguration;
import dev.airlock.aws.S3StoreConfiguration;
import dev.airlock.aws.S3Verification;
import dev.airlock.aws.SessionPolicy;
import dev.airlock.aws.SessionScope;
import dev.airlock.config.ConfigProblems;
import dev.airlock.config.ConfigSection;
import dev.airlock.environment.Environment;
import dev.airlock.environment.Landscape;
import dev.airlock.environment.Region;
import dev.airlock.environment.RoleArn;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Reads {@code backend.aws} of a configuration file into an {@link AwsConfiguration} and the client
 * options of the file, checking each value where it was written and collecting every problem before
 * throwing them together.
 */
public final class AwsSection {
    private static final Set<String> KEYS = Set.of("region", "endpoint", "pathStyle", "checksumsWhenRequired",
            "hubRole", "hubExternalId", "sessionDuration", "refreshBefore", "sessionScope", "sessionPolicy", "artifacts",
            "originBucket", "artifactPrefix", "s3Verification", "originRepository", "ecrStrategy",
            "verifyPullAsEnvironment", "ledgerBucket", "ledgerPrefix", "environments", "identities", "events");
    private static final Set<String> EVENTS_KEYS = Set.of("eventBridge", "sns", "maxAttempts", "callTimeout");
    private static final Set<String> ENVIRONMENT_KEYS = Set.of("bucket", "repository", "externalId", "region",
            "objectLock");
    private static final Set<String> OBJECT_LOCK_KEYS = Set.of("mode", "period");

    private final ConfigSection aws;
    private final Landscape landscape;
    private final ConfigProblems problems = new ConfigProblems();
    private final AwsConfiguration.Builder builder = AwsConfiguration.builder();
    private final RoleChainConfiguration.Builder roleChain = RoleChainConfiguration.builder();
    private final S3StoreConfiguration.Builder s3 = S3StoreConfiguration.builder();
    private final EcrStoreConfiguration.Builder ecr = EcrStoreConfiguration.builder();
    private final S3LedgerConfiguration.Builder ledger = S3LedgerConfiguration.builder();
    private final AwsClientFactory.Builder clients = AwsClientFactory.builder();
    private @Nullable URI endpoint;

    private AwsSection(ConfigSection aws, Landscape landscape, List<ExecutionInterceptor> interceptors) {
        this.aws = aws;
        this.landscape = landscape;
        for (ExecutionInterceptor interceptor : interceptors) {
            clients.addInterceptor(interceptor);
        }
    }

    /**
     * What a file says about the aws backend.
     *
     * @param endpoint the endpoint override, shown by {@code validate}; also part of {@code clients}
     * @param clients  the standard client factory with the file's endpoint, path-style and checksum options
     */
    public record Read(AwsConfiguration configuration, @Nullable URI endpoint, AwsClientFactory clients,
            IdentityMapping identities, EventsConfiguration events) {
    }

    /** Reads a whole {@code backend:} section of {@code type: aws}: its only other key is {@code aws}. */
    public static Read readBackend(ConfigSection backend, Landscape landscape) {
        return readBackend(backend, landscape, List.of());
    }

    /** Reads a whole {@code backend:} section, its clients built with {@code interceptors} too (metering). */
    public static Read readBackend(ConfigSection backend, Landscape landscape, List<ExecutionInterceptor> interceptors) {
        ConfigProblems problems = new ConfigProblems();
        backend.checkKeys(Set.of("type", "aws"), Set.of("type", "aws"), problems);
        Optional<ConfigSection> aws = backend.section("aws", problems);
        problems.throwIfAny();
        return new AwsSection(aws.orElseThrow(), landscape, interceptors).read();
    }

    private Read read() {
        aws.checkKeys(Set.of("region", "ledgerBucket"), KEYS, problems);
        aws.value("region", Region::of, problems).ifPresent(builder::region);
        aws.value("endpoint", AwsSection::endpoint, problems).ifPresent(uri -> {
            endpoint = uri;
            clients.endpointOverride(uri);
        });
        aws.bool("pathStyle", problems).ifPresent(clients::pathStyle);
        aws.bool("checksumsWhenRequired", problems).ifPresent(clients::checksumsWhenRequired);
        Optional<RoleArn> hub = aws.value("hubRole", RoleArn::parse, problems);
        hub.ifPresent(this::hubRole);
        aws.value("hubExternalId", v -> Validate.externalId("hubExternalId", v), problems).ifPresent(id -> {
            if (hub.isEmpty() && !aws.has("hubRole")) {
                problems.add(aws.keyProblem("hubExternalId", aws.path("hubExternalId")
                        + " needs a hubRole: it is sent only when assuming the hub role"));
            }
            roleChain.hubExternalId(id);
        });
        Duration session = durationBetween("sessionDuration", RoleChainConfiguration.MIN_SESSION,
                RoleChainConfiguration.MAX_SESSION).orElse(RoleChainConfiguration.MAX_SESSION);
        roleChain.sessionDuration(session);
        durationBetween("refreshBefore", Duration.ofSeconds(1), session.dividedBy(2)).ifPresent(roleChain::refreshBefore);
        aws.value("sessionScope", v -> choice("sessionScope", v, SessionScope.values()), problems)
                .ifPresent(roleChain::sessionScope);
        aws.value("sessionPolicy", AwsSection::sessionPolicy, problems).ifPresent(roleChain::sessionPolicy);
        Artifacts artifacts = aws.value("artifacts", v -> choice("artifacts", v, Artifacts.values()), problems)
                .orElse(Artifacts.S3);
        Optional<String> originBucket = aws.value("originBucket", v -> Validate.bucket("originBucket", v), problems);
        originBucket.ifPresent(s3::originBucket);
        aws.value("artifactPrefix", v -> Validate.prefix("artifactPrefix", v), problems).ifPresent(s3::artifactPrefix);
        aws.value("s3Verification", v -> choice("s3Verification", v, S3Verification.values()), problems)
                .ifPresent(s3::verification);
        Optional<String> originRepository = aws.value("originRepository",
                v -> Validate.repository("originRepository", v), problems);
        originRepository.ifPresent(ecr::originRepository);
        aws.value("ecrStrategy", v -> choice("ecrStrategy", v, EcrStrategy.values()), problems)
                .ifPresent(ecr::strategy);
        aws.bool("verifyPullAsEnvironment", problems).ifPresent(ecr::verifyPullAsEnvironment);
        aws.value("ledgerBucket", v -> Validate.bucket("ledgerBucket", v), problems).ifPresent(ledger::bucket);
        aws.value("ledgerPrefix", v -> Validate.prefix("ledgerPrefix", v), problems).ifPresent(ledger::prefix);
        IdentityMapping identities = aws.section("identities", problems).map(this::identities)
                .orElse(IdentityMapping.none());
        EventsConfiguration events = aws.section("events", problems).map(this::events).orElse(EventsConfiguration.NONE);
        Optional<ConfigSection> environments = aws.section("environments", problems);
        environments.ifPresent(this::environments);
        requireWhatTheStoreNeeds(artifacts, environments.orElse(null));
        problems.throwIfAny();
        try {
            AwsConfiguration configuration = builder.artifacts(artifacts).roleChain(roleChain.build()).s3(s3.build())
                    .ecr(ecr.build()).ledger(ledger.build()).build();
            return new Read(configuration, endpoint, clients.build(), identities, events);
        } catch (InvalidValueException e) {
            problems.add(aws.problem(aws.name() + "." + e.getMessage()));
            problems.throwIfAny();
            throw e;
        }
    }

    /** {@code events: {eventBridge: {bus}, sns: {topicArn}, maxAttempts, callTimeout}}. */
    private EventsConfiguration events(ConfigSection events) {
        events.checkKeys(Set.of(), EVENTS_KEYS, problems);
        String bus = events.section("eventBridge", problems).flatMap(section -> {
            section.checkKeys(Set.of("bus"), Set.of("bus"), problems);
            return section.text("bus", problems);
        }).orElse(null);
        String topic = events.section("sns", problems).flatMap(section -> {
            section.checkKeys(Set.of("topicArn"), Set.of("topicArn"), problems);
            return section.value("topicArn", AwsSection::topicArn, problems);
        }).orElse(null);
        int attempts = events.integer("maxAttempts", problems).map(n -> (int) Math.max(1, Math.min(n, 10))).orElse(3);
        Duration timeout = events.duration("callTimeout", problems).orElse(EventsConfiguration.NONE.callTimeout());
        return new EventsConfiguration(bus, topic, attempts, timeout);
    }

    private static String topicArn(String text) {
        if (!text.matches("arn:aws(-cn|-us-gov)?:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_.-]{1,256}")) {
            throw new InvalidValueException("topicArn", text, "must be an SNS topic ARN such as "
                    + "arn:aws:sns:eu-central-1:111111111111:airlock-events");
        }
        return text;
    }

    /** ARN pattern to principal, in the file's order. */
    private IdentityMapping identities(ConfigSection section) {
        List<IdentityMapping.Rule> rules = new ArrayList<>();
        for (String pattern : section.keys()) {
            section.text(pattern, problems).ifPresent(principal -> {
                try {
                    rules.add(new IdentityMapping.Rule(pattern, principal));
                } catch (InvalidValueException e) {
                    problems.add(section.problem(pattern, section.path(pattern) + ": '" + e.value() + "' " + e.rule()));
                }
            });
        }
        return IdentityMapping.of(rules);
    }

    private void hubRole(RoleArn hub) {
        if (!hub.account().equals(landscape.accounts().tooling())) {
            problems.add(aws.problem("hubRole", aws.path("hubRole") + ": '" + hub + "' must be a role in the tooling "
                    + "account " + landscape.accounts().tooling() + ", where every role chain starts"));
        }
        roleChain.hubRole(hub);
    }

    private void environments(ConfigSection environments) {
        for (String name : environments.keys()) {
            Optional<Environment> environment = landscape.environments().stream()
                    .filter(e -> e.name().equals(name)).findFirst();
            if (environment.isEmpty()) {
                problems.add(environments.keyProblem(name, environments.path(name) + ": '" + name + "' is not an "
                        + "environment of the landscape; its environments are " + landscape.environments().stream()
                                .map(Environment::name).collect(Collectors.joining(", "))));
                continue;
            }
            environments.section(name, problems).map(section -> environment(section, environment.get()))
                    .ifPresent(settings -> builder.environment(name, settings));
        }
    }

    private @Nullable EnvironmentConfiguration environment(ConfigSection section, Environment environment) {
        int before = problems.list().size();
        section.checkKeys(Set.of(), ENVIRONMENT_KEYS, problems);
        EnvironmentConfiguration.Builder settings = EnvironmentConfiguration.builder();
        section.value("bucket", v -> Validate.bucket("bucket", v), problems).ifPresent(settings::bucket);
        section.value("repository", v -> Validate.repository("repository", v), problems).ifPresent(settings::repository);
        section.value("externalId", v -> Validate.externalId("externalId", v), problems).ifPresent(settings::externalId);
        section.value("region", Region::of, problems).ifPresent(region -> {
            if (!environment.regions().contains(region)) {
                problems.add(section.problem("region", section.path("region") + ": '" + region + "' must be one of "
                        + "environment " + environment.name() + "'s regions " + environment.regions()));
            }
            settings.region(region);
        });
        section.section("objectLock", problems).ifPresent(lock -> objectLock(lock).ifPresent(settings::objectLock));
        return problems.list().size() == before ? settings.build() : null;
    }

    private Optional<ObjectLockRetention> objectLock(ConfigSection lock) {
        lock.checkKeys(OBJECT_LOCK_KEYS, OBJECT_LOCK_KEYS, problems);
        Optional<ObjectLockRetention.Mode> mode = lock.value("mode",
                v -> choice("mode", v, ObjectLockRetention.Mode.values()), problems);
        Optional<Duration> period = lock.duration("period", problems).filter(p -> {
            if (p.compareTo(Duration.ofDays(1)) < 0) {
                problems.add(lock.problem("period", lock.path("period") + ": '" + p + "' must be at least one day"));
                return false;
            }
            return true;
        });
        return mode.isPresent() && period.isPresent()
                ? Optional.of(new ObjectLockRetention(mode.get(), period.get())) : Optional.empty();
    }

    private void requireWhatTheStoreNeeds(Artifacts artifacts, @Nullable ConfigSection environments) {
        if (artifacts == Artifacts.ECR) {
            if (!aws.has("originRepository")) {
                problems.add(aws.problem(aws.name() + " is missing required key 'originRepository' "
                        + "(images are pushed there with 'artifacts: ecr')"));
            }
            return;
        }
        if (!aws.has("originBucket")) {
            problems.add(aws.problem(aws.name() + " is missing required key 'originBucket' "
                    + "(files are uploaded there with 'artifacts: s3', the default)"));
        }
        for (Environment environment : landscape.environments()) {
            boolean hasBucket = environments != null && environments.section(environment.name(), new ConfigProblems())
                    .map(section -> section.has("bucket")).orElse(false);
            if (!hasBucket) {
                ConfigSection at = environments != null && environments.has(environment.name())
                        ? environments.section(environment.name(), new ConfigProblems()).orElse(environments)
                        : environments != null ? environments : aws;
                problems.add(at.problem(aws.path("environments") + "." + environment.name() + " needs a bucket: "
                        + "with 'artifacts: s3' every environment is promoted into a bucket of its own account"));
            }
        }
    }

    private Optional<Duration> durationBetween(String key, Duration min, Duration max) {
        return aws.duration(key, problems).filter(value -> {
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                problems.add(aws.problem(key, aws.path(key) + ": '" + value + "' must be between " + min + " and "
                        + max));
                return false;
            }
            return true;
        });
    }

    private static URI endpoint(String text) {
        try {
            URI uri = new URI(text);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getUserInfo() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        // Whatever sits before an '@' may be a password: never echo it.
        String shown = text.contains("@") ? text.replaceFirst("^([a-zA-Z][\\w+.-]*://)?[^/]*@", "$1<user info>@") : text;
        throw new InvalidValueException("endpoint", shown,
                "must be an http or https URL with a host and no user info, such as http://127.0.0.1:5000");
    }

    /** An enum constant written in kebab case: {@code central-registry} for {@code CENTRAL_REGISTRY}. */
    /** {@code narrowed} (the default) or {@code none}; a custom policy needs code, not a file. */
    private static SessionPolicy sessionPolicy(String text) {
        return switch (text) {
            case "narrowed" -> SessionPolicy.narrowed();
            case "none" -> SessionPolicy.none();
            default -> throw new InvalidValueException("sessionPolicy", text, "must be one of narrowed, none");
        };
    }

    private static <E extends Enum<E>> E choice(String field, String text, E[] values) {
        Function<E, String> name = value -> value.name().toLowerCase(Locale.ROOT).replace('_', '-');
        for (E value : values) {
            if (name.apply(value).equals(text)) {
                return value;
            }
        }
        throw new InvalidValueException(field, text, "must be one of "
                + Arrays.stream(values).map(name).collect(Collectors.joining(", ")));
    }
}
