package dev.airlock.aws.internal;

import dev.airlock.environment.RoleArn;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.Tag;

/**
 * The credentials of one hop of a role chain, assumed once and reused until shortly before they
 * expire. Every request the SDK makes resolves credentials; only the first, and the first after
 * {@code expiration - refreshBefore}, calls AssumeRole, and concurrent callers wait for that one
 * call instead of making their own. If a refresh fails while the old credentials are still valid,
 * they are used a little longer and the refresh is tried again later.
 *
 * <p>The RoleSessionName and the promotion tag name the promotion whose request caused the
 * AssumeRole. {@link #toString()} never shows the credentials.
 */
public final class RoleCredentials implements AwsCredentialsProvider {
    private static final Logger LOG = LoggerFactory.getLogger(RoleCredentials.class);
    private static final Duration RETRY_FAILED_REFRESH_AFTER = Duration.ofSeconds(30);
    public static final String PROMOTION_TAG = "airlock:promotion";
    public static final String ENVIRONMENT_TAG = "airlock:environment";
    /** The authenticated principal the promotion runs for, as SourceIdentity also carries it. */
    public static final String PRINCIPAL_TAG = "airlock:principal";

    private final RoleArn role;
    private final @Nullable String externalId;
    private final String sourceIdentity;
    private final @Nullable String policy;
    private final @Nullable String environment;
    private final @Nullable RoleCredentials parent;
    private final StsClient sts;
    private final AwsCalls calls;
    private final Clock clock;
    private final Duration duration;
    private final Duration refreshBefore;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile @Nullable Snapshot current;
    private volatile String lastPromotion;

    /**
     * @param environment the environment whose deploy role this is (tagged on the session), or null for a hub role
     * @param parent      the previous hop, if it is a role too (its session is then named after the same promotion)
     * @param sts         a client holding the previous hop's credentials
     */
    public RoleCredentials(RoleArn role, @Nullable String externalId, String sourceIdentity, @Nullable String policy,
            @Nullable String environment, String firstPromotion, @Nullable RoleCredentials parent, StsClient sts,
            AwsCalls calls, Clock clock, Duration duration, Duration refreshBefore) {
        this.role = role;
        this.externalId = externalId;
        this.sourceIdentity = sourceIdentity;
        this.policy = policy;
        this.environment = environment;
        this.lastPromotion = firstPromotion;
        this.parent = parent;
        this.sts = sts;
        this.calls = calls;
        this.clock = clock;
        this.duration = duration;
        this.refreshBefore = refreshBefore;
    }

    /** Credentials for a request of {@code promotionId}, which names the role session if one must be assumed now. */
    public AwsSessionCredentials resolveFor(String promotionId) {
        lastPromotion = promotionId;
        if (parent != null) {
            parent.lastPromotion = promotionId;
        }
        return resolve(promotionId);
    }

    @Override
    public AwsSessionCredentials resolveCredentials() {
        return resolve(lastPromotion);
    }

    /** The role session currently in use, or null before the first AssumeRole. */
    public @Nullable String sessionName() {
        Snapshot snapshot = current;
        return snapshot == null ? null : snapshot.sessionName;
    }

    private AwsSessionCredentials resolve(String promotionId) {
        Snapshot snapshot = current;
        if (snapshot != null && clock.instant().isBefore(snapshot.refreshAt)) {
            return snapshot.credentials;
        }
        lock.lock();
        try {
            snapshot = current;
            Instant now = clock.instant();
            if (snapshot != null && now.isBefore(snapshot.refreshAt)) {
                return snapshot.credentials;
            }
            try {
                Snapshot fresh = assume(promotionId, now);
                current = fresh;
                return fresh.credentials;
            } catch (RuntimeException e) {
                if (snapshot != null && now.isBefore(snapshot.expiration)) {
                    LOG.warn("could not refresh the session of {} ({}); its credentials stay valid until {}, "
                            + "retrying the refresh in {}s", role, e.getMessage(), snapshot.expiration,
                            RETRY_FAILED_REFRESH_AFTER.toSeconds());
                    Instant retryAt = now.plus(RETRY_FAILED_REFRESH_AFTER);
                    current = new Snapshot(snapshot.credentials, snapshot.expiration,
                            retryAt.isBefore(snapshot.expiration) ? retryAt : snapshot.expiration,
                            snapshot.sessionName);
                    return snapshot.credentials;
                }
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    private Snapshot assume(String promotionId, Instant now) {
        String sessionName = promotionId;
        AssumeRoleRequest.Builder request = AssumeRoleRequest.builder()
                .roleArn(role.toString())
                .roleSessionName(sessionName)
                .durationSeconds((int) duration.toSeconds())
                .sourceIdentity(sourceIdentity)
                .externalId(externalId)
                .policy(policy);
        if (environment != null) {
            request.tags(sourceIdentity == null
                    ? List.of(tag(ENVIRONMENT_TAG, environment), tag(PROMOTION_TAG, promotionId))
                    : List.of(tag(ENVIRONMENT_TAG, environment), tag(PROMOTION_TAG, promotionId),
                            tag(PRINCIPAL_TAG, sourceIdentity)));
        }
        AssumeRoleResponse response = calls.call(role.account(), "AssumeRole " + role,
                () -> sts.assumeRole(request.build()));
        Credentials credentials = response.credentials();
        Instant expiration = credentials.expiration();
        AwsSessionCredentials session = AwsSessionCredentials.builder()
                .accessKeyId(credentials.accessKeyId())
                .secretAccessKey(credentials.secretAccessKey())
                .sessionToken(credentials.sessionToken())
                .expirationTime(expiration)
                .build();
        Instant refreshAt = expiration.minus(refreshBefore);
        LOG.info("assumed {} as session {} (source identity {}{}), valid until {}", role, sessionName, sourceIdentity,
                environment == null ? "" : ", environment " + environment, expiration);
        return new Snapshot(session, expiration, refreshAt.isAfter(now) ? refreshAt : expiration, sessionName);
    }

    /** Tag values allow letters, digits, spaces and {@code _.:/=+-@}; anything else becomes '-'. */
    private static Tag tag(String key, String value) {
        String cleaned = value.replaceAll("[^\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]", "-");
        return Tag.builder().key(key).value(cleaned.length() > 256 ? cleaned.substring(0, 256) : cleaned).build();
    }

    @Override
    public String toString() {
        Snapshot snapshot = current;
        return "RoleCredentials[" + role + ", session=" + (snapshot == null ? "none" : snapshot.sessionName
                + " until " + snapshot.expiration) + "]";
    }

    private record Snapshot(AwsSessionCredentials credentials, Instant expiration, Instant refreshAt,
            String sessionName) {
        @Override
        public String toString() {
            return "Snapshot[" + sessionName + " until " + expiration + "]";
        }
    }
}
