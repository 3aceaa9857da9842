package dev.airlock.testkit;

import dev.airlock.environment.Environment;
import dev.airlock.environment.RoleArn;
import dev.airlock.spi.AccessContext;
import dev.airlock.spi.AccessDeniedException;
import dev.airlock.spi.AccessSession;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A session in an environment's deploy role, obtained through the in-memory role chain. It holds no
 * credentials, only who it is: the roles assumed in order, the session name (the promotion id) and
 * the source identity (the principal). A closed session grants nothing, as expired credentials would not.
 */
public final class InMemoryAccessSession implements AccessSession {
    private final Environment environment;
    private final AccessContext context;
    private final List<RoleArn> chain;
    private final String sessionName;
    private final AtomicBoolean open = new AtomicBoolean(true);

    InMemoryAccessSession(Environment environment, AccessContext context, List<RoleArn> chain, String sessionName) {
        this.environment = environment;
        this.context = context;
        this.chain = List.copyOf(chain);
        this.sessionName = sessionName;
    }

    @Override
    public Environment environment() {
        return environment;
    }

    @Override
    public AccessContext context() {
        return context;
    }

    /** The roles assumed, from the first hop to the environment's deploy role. */
    public List<RoleArn> chain() {
        return chain;
    }

    /** The identity this session acts as, e.g. {@code arn:aws:sts::555555555555:assumed-role/airlock-deploy/<id>}. */
    public String assumedRoleArn() {
        return InMemoryEnvironmentAccess.sessionArn(chain.get(chain.size() - 1), sessionName);
    }

    /** The source identity: the principal the promotion acts for, as CloudTrail would show it. */
    public String sourceIdentity() {
        return context.principal();
    }

    public boolean isOpen() {
        return open.get();
    }

    void requireOpen() {
        if (!open.get()) {
            throw new AccessDeniedException("the session " + assumedRoleArn() + " for environment '"
                    + environment.name() + "' is closed (its credentials expired); open a new one");
        }
    }

    @Override
    public void close() {
        open.set(false);
    }

    @Override
    public String toString() {
        return "InMemoryAccessSession[" + assumedRoleArn() + ", " + (open.get() ? "open" : "closed") + "]";
    }
}
