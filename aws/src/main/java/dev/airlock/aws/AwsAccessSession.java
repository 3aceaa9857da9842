package dev.airlock.aws;

import dev.airlock.aws.internal.RoleChain;
import dev.airlock.environment.AccountId;
import dev.airlock.environment.Environment;
import dev.airlock.environment.Region;
import dev.airlock.spi.AccessContext;
import dev.airlock.spi.AccessDeniedException;
import dev.airlock.spi.AccessSession;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.ApiName;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Access to one environment's account through a role chain, opened by {@link RoleChainAccess}.
 * The clients belong to the chain and are shared with other sessions on it: do not close them;
 * close the session. {@link #toString()} shows the role session, never credentials.
 */
public final class AwsAccessSession implements AccessSession {
    /** The User-Agent product every request of a promotion carries, followed by the promotion id. */
    public static final String USER_AGENT_NAME = "airlock-promotion";

    private final Environment environment;
    private final AccessContext context;
    private final Region region;
    private final RoleChain chain;
    private final Clock clock;
    private final AwsRequestOverrideConfiguration attribution;
    private final AtomicBoolean closed = new AtomicBoolean();

    AwsAccessSession(Environment environment, AccessContext context, Region region, RoleChain chain, Clock clock) {
        this.environment = environment;
        this.context = context;
        this.region = region;
        this.chain = chain;
        this.clock = clock;
        this.attribution = AwsRequestOverrideConfiguration.builder()
                .addApiName(ApiName.builder().name(USER_AGENT_NAME)
                        .version(SessionNames.sanitize("promotionId", context.promotionId())).build())
                .build();
    }

    @Override
    public Environment environment() {
        return environment;
    }

    @Override
    public AccessContext context() {
        return context;
    }

    /** The environment's account, which the session acts in. */
    public AccountId account() {
        return environment.account();
    }

    /** The region of the environment's bucket and repository. */
    public Region region() {
        return region;
    }

    /** The deploy role session's credentials, cached and refreshed before they expire. */
    public AwsCredentialsProvider credentials() {
        return chain.credentials();
    }

    /** The RoleSessionName of the role session in use: the promotion whose request assumed it. */
    public @Nullable String roleSessionName() {
        return chain.credentials().sessionName();
    }

    /** An S3 client acting as the deploy role in {@link #region()}. */
    public S3Client s3() {
        return chain.s3();
    }

    /** An ECR client acting as the deploy role in {@link #region()}. */
    public EcrClient ecr() {
        return chain.ecr();
    }

    /**
     * Request configuration that names this session's promotion in the User-Agent
     * ({@code airlock-promotion/<id>}), which CloudTrail records for every call: add it to every
     * request made for the promotion.
     */
    public AwsRequestOverrideConfiguration attribution() {
        return attribution;
    }

    /**
     * Throws if the session was closed. A closed session grants nothing, as expired credentials would
     * not, even while its chain's credentials still serve other sessions: stores refuse it.
     *
     * @throws AccessDeniedException if the session is closed
     */
    void requireOpen() {
        if (closed.get()) {
            throw new AccessDeniedException("the access session to environment '" + environment.name()
                    + "' for promotion " + context.promotionId() + " is closed; open a new one");
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            chain.release(clock.instant());
        }
    }

    @Override
    public String toString() {
        return "AwsAccessSession[environment=" + environment.name() + ", account=" + environment.account()
                + ", role=" + environment.deployRole() + ", roleSession=" + roleSessionName() + ", promotion="
                + context.promotionId() + ", principal=" + context.principal() + (closed.get() ? ", closed" : "") + "]";
    }
}
