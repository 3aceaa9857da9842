package dev.airlock.aws;

import dev.airlock.InvalidValueException;
import dev.airlock.aws.internal.AwsCalls;
import dev.airlock.aws.internal.KmsCalls;
import dev.airlock.environment.AccountId;
import dev.airlock.environment.Environment;
import dev.airlock.environment.Landscape;
import dev.airlock.environment.Region;
import dev.airlock.event.EventDispatcher;
import dev.airlock.spi.AccessContext;
import dev.airlock.spi.ArtifactStore;
import dev.airlock.spi.Authenticator;
import dev.airlock.spi.Backend;
import dev.airlock.spi.EventPublisher;
import dev.airlock.spi.Place;
import dev.airlock.spi.PromotionListener;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Airlock on AWS: the ports a promotion engine needs, wired from one {@link AwsConfiguration}, one
 * {@link Landscape} (which names the tooling and security accounts and each environment's deploy
 * role) and the base credentials of the tooling account.
 *
 * <pre>{@code
 * try (AwsBackend aws = AwsBackend.builder()
 *         .configuration(configuration)
 *         .landscape(landscape)
 *         .baseCredentials(DefaultCredentialsProvider.builder().build())
 *         .build()) {
 *     EnvironmentAccess access = aws.environmentAccess();
 *     ArtifactStore files = aws.s3Store();
 *     ArtifactStore images = aws.ecrStore();
 *     Ledger ledger = aws.ledger();
 * }
 * }</pre>
 *
 * All parts share one circuit breaker per AWS account and one retry policy. The stores and the
 * ledger are created on first use, so only what is configured must be configured. Closing the
 * backend closes every SDK client it made.
 */
public final class AwsBackend implements Backend {
    private final AwsConfiguration configuration;
    private final Landscape landscape;
    private final AwsCredentialsProvider base;
    private final @Nullable SdkAutoCloseable ownedBase;
    private final AwsClientFactory factory;
    private final Clock clock;
    private final AwsCalls calls;
    private final RoleChainAccess access;
    private final StsAuthenticator authenticator;
    private @Nullable S3Client toolingS3;
    private @Nullable EcrClient toolingEcr;
    private @Nullable S3Client ledgerS3;
    private @Nullable S3ArtifactStore s3Store;
    private @Nullable EcrArtifactStore ecrStore;
    private @Nullable S3Ledger ledger;
    private final EventsConfiguration events;
    private @Nullable EventDispatcher dispatcher;
    private final Map<Region, KmsClient> kmsClients = new HashMap<>();
    private final Map<String, KmsSigner> signers = new ConcurrentHashMap<>();
    private boolean closed;

    private AwsBackend(Builder builder) {
        this.configuration = InvalidValueException.requireNonNull("configuration", builder.configuration);
        this.landscape = InvalidValueException.requireNonNull("landscape", builder.landscape);
        if (builder.baseCredentials != null) {
            this.base = builder.baseCredentials;
            this.ownedBase = null;
        } else {
            DefaultCredentialsProvider defaults = DefaultCredentialsProvider.builder().build();
            this.base = defaults;
            this.ownedBase = defaults;
        }
        this.factory = builder.clientFactory != null ? builder.clientFactory : AwsClientFactory.builder().build();
        this.clock = builder.clock;
        this.calls = new AwsCalls(configuration.resilience(), clock);
        this.access = new RoleChainAccess(configuration, landscape, base, factory, calls, clock);
        this.authenticator = new StsAuthenticator(base, factory, configuration.region(), builder.identities);
        this.events = builder.events;
    }

    /**
     * The event dispatcher publishing to the configured EventBridge bus and SNS topic with the tooling
     * account's credentials, made once; none when {@code events} configures no destination.
     */
    @Override
    public synchronized List<PromotionListener> listeners() {
        if (!events.any()) {
            return List.of();
        }
        if (dispatcher == null) {
            List<EventPublisher> publishers = new ArrayList<>();
            if (events.eventBridgeBus() != null) {
                publishers.add(new EventBridgeEventPublisher(factory.eventBridge(base, configuration.region()),
                        events.eventBridgeBus(), events.maxAttempts(), events.callTimeout(), true));
            }
            if (events.snsTopicArn() != null) {
                publishers.add(new SnsEventPublisher(factory.sns(base, configuration.region()), events.snsTopicArn(),
                        events.maxAttempts(), events.callTimeout(), true));
            }
            dispatcher = new EventDispatcher(publishers, 1000, clock, events.callTimeout().multipliedBy(2));
        }
        return List.of(dispatcher);
    }

    public static Builder builder() {
        return new Builder();
    }

    public AwsConfiguration configuration() {
        return configuration;
    }

    public Landscape landscape() {
        return landscape;
    }

    /** The tooling account's credentials every role chain starts from. */
    AwsCredentialsProvider baseCredentials() {
        return base;
    }

    /** What runs every AWS call, and holds each account's circuit breaker. */
    AwsCalls calls() {
        return calls;
    }

    /** The store of {@link AwsConfiguration#artifacts()}: {@link #s3Store()} or {@link #ecrStore()}. */
    @Override
    public ArtifactStore artifactStore() {
        return configuration.artifacts() == AwsConfiguration.Artifacts.S3 ? s3Store() : ecrStore();
    }

    /** Role chaining into environments; sessions it opens are {@link AwsAccessSession}s. */
    @Override
    public RoleChainAccess environmentAccess() {
        return access;
    }

    /** Files in S3. Needs {@link S3StoreConfiguration#originBucket()} and a bucket per environment promoted into. */
    public synchronized S3ArtifactStore s3Store() {
        if (s3Store == null) {
            require("originBucket", configuration.s3().originBucket(), "the S3 artifact store");
            s3Store = new S3ArtifactStore(configuration, tooling(), toolingS3(), calls, this::inspect, clock);
        }
        return s3Store;
    }

    /** Images in ECR. Needs {@link EcrStoreConfiguration#originRepository()}. */
    public synchronized EcrArtifactStore ecrStore() {
        if (ecrStore == null) {
            require("originRepository", configuration.ecr().originRepository(), "the ECR artifact store");
            if (toolingEcr == null) {
                toolingEcr = factory.ecr(base, configuration.region());
            }
            // Built here, not with the backend: its selector thread waits in native code, which makes the JVM
            // wait about 0.3 s before it exits, and only ECR layer copies use it.
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            ecrStore = new EcrArtifactStore(configuration, tooling(), toolingEcr, calls, this::inspect, http, clock);
        }
        return ecrStore;
    }

    /**
     * The ledger in {@link S3LedgerConfiguration#bucket()}, owned by the landscape's security account and
     * written with the base credentials (the bucket policy must allow the tooling role).
     */
    @Override
    public synchronized S3Ledger ledger() {
        if (ledger == null) {
            String bucket = require("ledgerBucket", configuration.ledger().bucket(), "the S3 ledger");
            if (ledgerS3 == null) {
                ledgerS3 = factory.s3(base, configuration.region());
            }
            ledger = new S3Ledger(ledgerS3, bucket, configuration.ledger().prefix(), landscape.accounts().security(),
                    calls, configuration.ledger().cacheSize());
        }
        return ledger;
    }

    /**
     * Who acts: {@code sts:GetCallerIdentity} on the base credentials, mapped by
     * {@link Builder#identities(IdentityMapping)}; an unmapped caller is refused, naming its ARN.
     */
    @Override
    public Authenticator authenticator() {
        return authenticator;
    }

    /**
     * A signer for the KMS key {@code keyReference}: a key id, key ARN, alias name or alias ARN. An ARN's
     * region and account are the key's; a key id or alias is looked up in the configuration's region with
     * the base credentials. The key's public half is fetched once per reference; calls go through the
     * backend's retries and the key account's circuit breaker.
     *
     * @throws dev.airlock.AirlockException naming the key when it cannot sign (missing, disabled, not an
     *                                      ECC_NIST_P256 or RSA signing key, or not readable by the caller)
     */
    @Override
    public KmsSigner remoteSigner(String keyReference) {
        return signers.computeIfAbsent(keyReference, reference -> KmsSigner.create(kmsCalls(reference)));
    }

    /** The public half of the KMS key {@code keyReference}, to pin in the keyring; resolved as {@link #remoteSigner}. */
    public KmsPublicKey kmsPublicKey(String keyReference) {
        return KmsPublicKey.fetch(kmsCalls(keyReference));
    }

    private KmsCalls kmsCalls(String keyReference) {
        Region named = KmsCalls.region(keyReference);
        AccountId account = KmsCalls.account(keyReference);
        return new KmsCalls(kms(named != null ? named : configuration.region()), keyReference, calls,
                account != null ? account : tooling());
    }

    private synchronized KmsClient kms(Region region) {
        if (closed) {
            throw new IllegalStateException(this + " is closed");
        }
        return kmsClients.computeIfAbsent(region, r -> factory.kms(base, r));
    }

    @Override
    public synchronized void close() {
        closed = true;
        kmsClients.values().forEach(KmsClient::close);
        kmsClients.clear();
        if (dispatcher != null) {
            dispatcher.close(); // sends what is queued, for a bounded time, while the clients are still open
        }
        access.close();
        if (toolingS3 != null) {
            toolingS3.close();
        }
        if (toolingEcr != null) {
            toolingEcr.close();
        }
        if (ledgerS3 != null) {
            ledgerS3.close();
        }
        if (ownedBase != null) {
            ownedBase.close();
        }
    }

    @Override
    public String toString() {
        return "AwsBackend[" + configuration + "]";
    }

    private AccountId tooling() {
        return landscape.accounts().tooling();
    }

    private synchronized S3Client toolingS3() {
        if (toolingS3 == null) {
            toolingS3 = factory.s3(base, configuration.region());
        }
        return toolingS3;
    }

    /** A session the stores open themselves, outside any promotion, to read an environment's settings. */
    private AwsAccessSession inspect(Place place) {
        Environment environment = landscape.require(place.name());
        if (!environment.account().equals(place.account())) {
            throw new InvalidValueException("place", place, "is in account " + place.account() + " but environment "
                    + environment.name() + " is in account " + environment.account());
        }
        return access.inspect(environment, new AccessContext("inspect-" + environment.name(),
                configuration.roleChain().inspectorPrincipal()));
    }

    private static String require(String field, @Nullable String value, String what) {
        if (value == null) {
            throw new InvalidValueException(field, null, "is required by " + what);
        }
        return value;
    }

    /** Builds an {@link AwsBackend}; configuration and landscape are required. */
    public static final class Builder {
        private @Nullable AwsConfiguration configuration;
        private @Nullable Landscape landscape;
        private @Nullable AwsCredentialsProvider baseCredentials;
        private @Nullable AwsClientFactory clientFactory;
        private Clock clock = Clock.systemUTC();
        private IdentityMapping identities = IdentityMapping.none();
        private EventsConfiguration events = EventsConfiguration.NONE;

        private Builder() {
        }

        /** Which callers (by the ARN {@code sts:GetCallerIdentity} reports) are which principals. Default: none. */
        public Builder identities(IdentityMapping identities) {
            this.identities = InvalidValueException.requireNonNull("identities", identities);
            return this;
        }

        /** Where events are published. Default: nowhere. */
        public Builder events(EventsConfiguration events) {
            this.events = InvalidValueException.requireNonNull("events", events);
            return this;
        }

        public Builder configuration(AwsConfiguration configuration) {
            this.configuration = configuration;
            return this;
        }

        public Builder landscape(Landscape landscape) {
            this.landscape = landscape;
            return this;
        }

        /**
         * The tooling account's credentials, the start of every role chain. Default: the SDK's default
         * chain (environment, profile, container or instance role). Never logged.
         */
        public Builder baseCredentials(AwsCredentialsProvider baseCredentials) {
            this.baseCredentials = baseCredentials;
            return this;
        }

        /** Default: {@link AwsClientFactory#builder()} as built, talking to AWS itself. */
        public Builder clientFactory(AwsClientFactory clientFactory) {
            this.clientFactory = clientFactory;
            return this;
        }

        /** Default: the system clock in UTC. Decides when credentials are refreshed and breakers half-open. */
        public Builder clock(Clock clock) {
            this.clock = InvalidValueException.requireNonNull("clock", clock);
            return this;
        }

        public AwsBackend build() {
            return new AwsBackend(this);
        }
    }
}
