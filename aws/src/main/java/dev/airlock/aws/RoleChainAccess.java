package dev.airlock.aws;

import dev.airlock.AirlockException;
import dev.airlock.InvalidValueException;
import dev.airlock.aws.internal.AwsCalls;
import dev.airlock.aws.internal.RoleChain;
import dev.airlock.aws.internal.RoleCredentials;
import dev.airlock.aws.internal.TargetPolicy;
import dev.airlock.environment.AccountId;
import dev.airlock.environment.Environment;
import dev.airlock.environment.Landscape;
import dev.airlock.environment.Region;
import dev.airlock.environment.RoleArn;
import dev.airlock.environment.UnknownEnvironmentException;
import dev.airlock.spi.AccessContext;
import dev.airlock.spi.AccessDeniedException;
import dev.airlock.spi.EnvironmentAccess;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Opens access to an environment by STS role chaining: the base credentials (tooling account), then
 * the optional hub role, then the environment's deploy role.
 *
 * <p>Every AssumeRole sends the principal as SourceIdentity (which persists along the chain and
 * cannot be changed), the promotion id as RoleSessionName, DurationSeconds from the settings and the
 * environment's ExternalId when one is configured; the deploy hop also sends session tags
 * ({@code airlock:environment}, {@code airlock:promotion}, {@code airlock:principal}) and the session policy, by default
 * {@linkplain SessionPolicy#narrowed() narrowed} to the context's digest.
 *
 * <p>Credentials are cached per chain and refreshed before they expire: a chain is the deploy role,
 * its external id, the principal, the session policy and the region, plus the promotion when the
 * {@linkplain SessionScope scope} is {@link SessionScope#PROMOTION}. Sessions on one chain share its
 * credentials and SDK clients, so 1,000 promotions by one principal into one environment make one
 * AssumeRole per hop per credential lifetime. With the default narrowed policy the policy names the
 * digest, so each promoted digest has its own chain: one AssumeRole per digest and environment per
 * credential lifetime, however many times that digest is promoted or verified there. Idle chains are
 * dropped once their credentials expired.
 */
public final class RoleChainAccess implements EnvironmentAccess, AutoCloseable {
    /** The longest inline session policy AWS accepts, in characters. */
    public static final int MAX_SESSION_POLICY = 2048;
    private static final Logger LOG = LoggerFactory.getLogger(RoleChainAccess.class);
    private static final AtomicBoolean WARNED_NO_POLICY = new AtomicBoolean();

    private final AwsConfiguration configuration;
    private final RoleChainConfiguration roleChain;
    private final Landscape landscape;
    private final AccountId tooling;
    private final AwsCredentialsProvider base;
    private final AwsClientFactory factory;
    private final AwsCalls calls;
    private final Clock clock;
    private final Map<ChainKey, RoleChain> chains = new HashMap<>();
    private final Map<HubKey, RoleCredentials> hubs = new HashMap<>();
    private final Map<HubKey, StsClient> hubSts = new HashMap<>();
    private @Nullable StsClient baseSts;
    private boolean closed;

    RoleChainAccess(AwsConfiguration configuration, Landscape landscape, AwsCredentialsProvider base,
            AwsClientFactory factory, AwsCalls calls, Clock clock) {
        this.configuration = configuration;
        this.roleChain = configuration.roleChain();
        this.landscape = landscape;
        this.tooling = landscape.accounts().tooling();
        this.base = base;
        this.factory = factory;
        this.calls = calls;
        this.clock = clock;
        if (roleChain.sessionPolicy() == SessionPolicy.none() && WARNED_NO_POLICY.compareAndSet(false, true)) {
            LOG.warn("sessionPolicy is none: every promotion session gets the whole deploy role, not just the"
                    + " promoted digest's keys and repositories; remove 'sessionPolicy: none' to narrow them");
        }
    }

    /**
     * Opens a session into {@code environment}'s deploy role, assuming roles only if the chain has no
     * valid cached credentials.
     *
     * @throws UnknownEnvironmentException if the landscape has no environment of that name
     * @throws AccessDeniedException   if the landscape's environment of that name is another one (another
     *                                 account or deploy role), or a role's trust policy (or a missing
     *                                 {@code sts:SetSourceIdentity} or {@code sts:TagSession} permission)
     *                                 refuses the chain
     * @throws InvalidValueException   if the principal or promotion id cannot be made a valid SourceIdentity
     *                                 or session name, or the session policy is too long
     */
    @Override
    public AwsAccessSession open(Environment environment, AccessContext context) {
        return open(environment, context, false);
    }

    /**
     * Opens a session the stores use outside any promotion to read an environment's settings: under the
     * default {@linkplain SessionPolicy#narrowed() narrowed} policy it may only read them.
     */
    AwsAccessSession inspect(Environment environment, AccessContext context) {
        return open(environment, context, true);
    }

    private AwsAccessSession open(Environment environment, AccessContext context, boolean inspection) {
        requireLandscapes(environment);
        String sourceIdentity = SessionNames.sanitize("principal", context.principal());
        String promotion = SessionNames.sanitize("promotionId", context.promotionId());
        EnvironmentConfiguration local = configuration.environment(environment.name());
        Region region = regionOf(environment);
        SessionPolicy.Targets targets = targets(environment).withDigest(context.digest());
        String policy = inspection && roleChain.sessionPolicy() == SessionPolicy.narrowed()
                ? TargetPolicy.renderInspection(targets)
                : roleChain.sessionPolicy().policyFor(targets);
        if (policy != null && policy.length() > MAX_SESSION_POLICY) {
            throw new InvalidValueException("sessionPolicy", "<" + policy.length() + " characters for environment "
                    + environment.name() + ">", "must be at most " + MAX_SESSION_POLICY
                    + " characters, the AWS limit for an inline session policy; allow fewer actions or resources");
        }
        String scope = roleChain.sessionScope() == SessionScope.PROMOTION ? promotion : null;
        HubKey hubKey = roleChain.hubRole() == null ? null
                : new HubKey(roleChain.hubRole(), roleChain.hubExternalId(), sourceIdentity, scope);
        ChainKey key = new ChainKey(environment.deployRole(), local.externalId(), sourceIdentity, policy, scope, region,
                hubKey);
        Instant now = clock.instant();
        RoleChain chain;
        synchronized (this) {
            if (closed) {
                throw new AirlockException("this environment access is closed");
            }
            evictIdle(now);
            chain = chains.get(key);
            if (chain == null) {
                RoleCredentials hub = hubKey == null ? null : hubs.computeIfAbsent(hubKey,
                        k -> new RoleCredentials(k.role(), k.externalId(), k.sourceIdentity(), null, null, promotion,
                                null, baseSts(), calls, clock, roleChain.sessionDuration(),
                                roleChain.refreshBefore()));
                StsClient sts = hub == null ? baseSts()
                        : hubSts.computeIfAbsent(hubKey, k -> factory.sts(hub, configuration.region()));
                RoleCredentials credentials = new RoleCredentials(environment.deployRole(), local.externalId(),
                        sourceIdentity, policy, environment.name(), promotion, hub, sts, calls, clock,
                        roleChain.sessionDuration(), roleChain.refreshBefore());
                chain = new RoleChain(credentials, hubKey, factory, region, now);
                chains.put(key, chain);
            }
            chain.acquire(now);
        }
        try {
            // Outside the lock: an AssumeRole into one account must not hold up sessions into others.
            chain.credentials().resolveFor(promotion);
        } catch (AccessDeniedException e) {
            chain.release(clock.instant());
            throw new AccessDeniedException("cannot open access to environment " + environment.name() + " through "
                    + chainDescription(environment) + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            chain.release(clock.instant());
            throw e;
        }
        return new AwsAccessSession(environment, context, region, chain, clock);
    }

    /**
     * Only the landscape's own environments are opened: trust policies are the last line, not the only
     * one, and an emulator or a permissive hub role would let any role in any account be assumed.
     */
    private void requireLandscapes(Environment environment) {
        InvalidValueException.requireNonNull("environment", environment);
        Environment known = landscape.require(environment.name());
        if (!known.equals(environment)) {
            throw new AccessDeniedException("environment '" + environment.name() + "' (account "
                    + environment.account() + ", role " + environment.deployRole()
                    + ") is not the landscape's environment of that name (account " + known.account() + ", role "
                    + known.deployRole() + ")");
        }
    }

    /** The region of {@code environment}'s bucket and repository: its settings' region, else its first region. */
    public Region regionOf(Environment environment) {
        Region configured = configuration.environment(environment.name()).region();
        return configured != null ? configured : environment.regions().get(0);
    }

    /** The resources a promotion into {@code environment} touches, as given to the {@link SessionPolicy}. */
    public SessionPolicy.Targets targets(Environment environment) {
        EnvironmentConfiguration local = configuration.environment(environment.name());
        return new SessionPolicy.Targets(environment, tooling, configuration.region(), regionOf(environment),
                configuration.s3().originBucket(), local.bucket(), configuration.s3().artifactPrefix(),
                configuration.ecr().originRepository(), local.repository(), configuration.ecr().strategy(),
                local.objectLock() != null);
    }

    /** Closes every cached chain's clients. Sessions still open stop working. */
    @Override
    public synchronized void close() {
        closed = true;
        chains.values().forEach(RoleChain::close);
        chains.clear();
        hubSts.values().forEach(StsClient::close);
        hubSts.clear();
        hubs.clear();
        if (baseSts != null) {
            baseSts.close();
            baseSts = null;
        }
    }

    @Override
    public synchronized String toString() {
        return "RoleChainAccess[hubRole=" + roleChain.hubRole() + ", cachedChains=" + chains.size() + "]";
    }

    private String chainDescription(Environment environment) {
        return roleChain.hubRole() == null ? environment.deployRole().toString()
                : roleChain.hubRole() + " -> " + environment.deployRole();
    }

    private StsClient baseSts() {
        if (baseSts == null) {
            baseSts = factory.sts(base, configuration.region());
        }
        return baseSts;
    }

    /** Drops chains nobody used for a whole session duration: their credentials have expired anyway. */
    private void evictIdle(Instant now) {
        Instant cutoff = now.minus(roleChain.sessionDuration());
        for (Iterator<RoleChain> it = chains.values().iterator(); it.hasNext(); ) {
            RoleChain chain = it.next();
            if (chain.idleSince(cutoff)) {
                chain.close();
                it.remove();
            }
        }
        Set<Object> usedHubs = new HashSet<>();
        chains.values().forEach(chain -> usedHubs.add(chain.hubKey()));
        for (Iterator<Map.Entry<HubKey, StsClient>> it = hubSts.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<HubKey, StsClient> hub = it.next();
            if (!usedHubs.contains(hub.getKey())) {
                hub.getValue().close();
                hubs.remove(hub.getKey());
                it.remove();
            }
        }
    }

    /** What one set of hub-role credentials is shared by. */
    private record HubKey(RoleArn role, @Nullable String externalId, String sourceIdentity, @Nullable String promotion) {
    }

    /** What one set of deploy-role credentials is shared by. */
    private record ChainKey(RoleArn role, @Nullable String externalId, String sourceIdentity, @Nullable String policy,
            @Nullable String promotion, Region region, @Nullable HubKey hub) {
    }
}
