package dev.airlock.local;

import dev.airlock.environment.Environment;
import dev.airlock.spi.AccessContext;
import dev.airlock.spi.AccessDeniedException;
import dev.airlock.spi.AccessSession;
import java.util.concurrent.atomic.AtomicBoolean;

/** An open access to one environment of the local backend; closing it is recorded in the access log. */
final class LocalAccessSession implements AccessSession {
    private final Environment environment;
    private final AccessContext context;
    private final LocalEnvironmentAccess access;
    private final AtomicBoolean open = new AtomicBoolean(true);

    LocalAccessSession(Environment environment, AccessContext context, LocalEnvironmentAccess access) {
        this.environment = environment;
        this.context = context;
        this.access = access;
    }

    @Override
    public Environment environment() {
        return environment;
    }

    @Override
    public AccessContext context() {
        return context;
    }

    /** A closed session grants nothing, as expired credentials would not. */
    void requireOpen() {
        if (!open.get()) {
            throw new AccessDeniedException("the access session to environment '" + environment.name()
                    + "' for promotion " + context.promotionId() + " is closed; open a new one");
        }
    }

    @Override
    public void close() {
        if (open.compareAndSet(true, false)) {
            access.recordClosed(environment, context);
        }
    }

    @Override
    public String toString() {
        return "LocalAccessSession[" + environment.name() + ", promotion " + context.promotionId() + ", "
                + (open.get() ? "open" : "closed") + "]";
    }
}
