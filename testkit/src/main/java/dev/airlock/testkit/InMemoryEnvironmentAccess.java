package dev.airlock.testkit;

import dev.airlock.InvalidValueException;
import dev.airlock.environment.Environment;
import dev.airlock.environment.Landscape;
import dev.airlock.environment.RoleArn;
import dev.airlock.spi.AccessContext;
import dev.airlock.spi.AccessDeniedException;
import dev.airlock.spi.AccessSession;
import dev.airlock.spi.EnvironmentAccess;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Access to environments through an in-memory STS: from the caller's identity in the tooling
 * account, optionally through a hub role, into each environment's deploy role. Every hop checks the
 * role's {@link RoleTrust} the way AWS does, so a trust that is not set up fails in a consumer's
 * test exactly as it would in AWS: an {@link AccessDeniedException} reading
 * {@code User: arn:aws:sts::111111111111:assumed-role/airlock-promoter/airlock is not authorized to
 * perform: sts:AssumeRole on resource: arn:aws:iam::555555555555:role/airlock-deploy}. A role that
 * does not exist is refused with the same message, as AWS does not tell the two apart.
 */
public final class InMemoryEnvironmentAccess implements EnvironmentAccess {
    /** The session name of the caller's own identity, before the chain starts. */
    static final String BASE_SESSION = "airlock";
    private static final Pattern SESSION_NAME_CHARACTERS = Pattern.compile("[^\\w+=,.@-]");

    private final Landscape landscape;
    private final RoleArn caller;
    private final @Nullable RoleArn hub;
    private final Map<RoleArn, RoleTrust> roles;
    private final Map<String, String> externalIds;
    private final Faults faults;
    private final CallLog calls;
    private final Clock clock;

    private InMemoryEnvironmentAccess(Builder b) {
        this.landscape = b.landscape;
        this.caller = b.caller;
        this.hub = b.hub;
        this.roles = Map.copyOf(b.roles);
        this.externalIds = Map.copyOf(b.externalIds);
        this.faults = InvalidValueException.requireNonNull("faults", b.faults);
        this.calls = b.calls;
        this.clock = b.clock;
    }

    /** Access to {@code landscape}'s environments, as {@code caller}. */
    public static Builder builder(Landscape landscape, String caller) {
        return new Builder(landscape, caller);
    }

    /**
     * Assumes the chain into {@code environment}'s deploy role.
     *
     * @throws AccessDeniedException if a role on the way does not trust the previous identity, or the
     *                               environment is not the landscape's environment of that name
     */
    @Override
    public AccessSession open(Environment environment, AccessContext context) {
        InvalidValueException.requireNonNull("environment", environment);
        InvalidValueException.requireNonNull("context", context);
        String callerArn = sessionArn(caller, BASE_SESSION);
        RuntimeException failure = null;
        try {
            Environment known = landscape.require(environment.name());
            if (!known.equals(environment)) {
                throw new AccessDeniedException("environment '" + environment.name() + "' (account "
                        + environment.account() + ") is not the landscape's environment of that name (account "
                        + known.account() + ")");
            }
            faults.beforeCall(Operation.OPEN_ACCESS, environment.name(), environment.account(), callerArn);
            String sessionName = sessionName(context.promotionId());
            List<RoleArn> chain = new ArrayList<>(2);
            RoleArn current = caller;
            String currentSession = BASE_SESSION;
            if (hub != null) {
                assume(hub, current, currentSession, externalIds.get(hub.toString()));
                chain.add(hub);
                current = hub;
                currentSession = sessionName;
            }
            assume(environment.deployRole(), current, currentSession, externalIds.get(environment.name()));
            chain.add(environment.deployRole());
            return new InMemoryAccessSession(environment, context, chain, sessionName);
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            calls.add(new CallRecord(clock.instant(), Operation.OPEN_ACCESS, environment.account(), environment.name(),
                    callerArn, context.principal(), null, context.promotionId(),
                    failure == null ? null : failure.getClass().getSimpleName() + ": " + failure.getMessage()));
        }
    }

    private void assume(RoleArn role, RoleArn from, String fromSession, @Nullable String externalId) {
        RoleTrust trust = roles.get(role);
        if (trust == null || !trust.admits(from, externalId)) {
            throw new AccessDeniedException("User: " + sessionArn(from, fromSession)
                    + " is not authorized to perform: sts:AssumeRole on resource: " + role);
        }
    }

    /** The identity of a session in {@code role}, as STS reports it. */
    static String sessionArn(RoleArn role, String sessionName) {
        return "arn:" + role.partition() + ":sts::" + role.account() + ":assumed-role/" + role.name() + "/" + sessionName;
    }

    /** STS session names are 2-64 of {@code [\w+=,.@-]}; promotion ids are UUIDs, but stay safe. */
    static String sessionName(String promotionId) {
        String name = SESSION_NAME_CHARACTERS.matcher(promotionId).replaceAll("-");
        if (name.length() > 64) {
            name = name.substring(0, 64);
        }
        return name.length() < 2 ? name + "--" : name;
    }

    /** The role everything starts from. */
    public RoleArn caller() {
        return caller;
    }

    /** The trust of every role this STS knows. */
    public Map<RoleArn, RoleTrust> roles() {
        return roles;
    }

    @Override
    public String toString() {
        return "InMemoryEnvironmentAccess[caller " + caller + (hub == null ? "" : ", hub " + hub) + ", "
                + roles.size() + " roles]";
    }

    /**
     * Configures the roles. Unless {@link #trust} says otherwise for a role, nothing trusts anyone:
     * call {@link #trustByDefault()} for the usual set-up.
     */
    public static final class Builder {
        private final Landscape landscape;
        private final RoleArn caller;
        private @Nullable RoleArn hub;
        private final Map<RoleArn, RoleTrust> roles = new HashMap<>();
        private final Map<String, String> externalIds = new HashMap<>();
        private @Nullable Faults faults;
        private CallLog calls = new CallLog();
        private Clock clock = Clock.systemUTC();

        private Builder(Landscape landscape, String caller) {
            this.landscape = InvalidValueException.requireNonNull("landscape", landscape);
            this.caller = RoleArn.parse(caller);
            if (!this.caller.account().equals(landscape.accounts().tooling())) {
                throw new InvalidValueException("caller", caller, "must be a role in the tooling account "
                        + landscape.accounts().tooling() + ", where promotions run");
            }
        }

        /** Chains through {@code role} (in any special account) before the environment's deploy role. */
        public Builder hub(String role) {
            this.hub = RoleArn.parse(role);
            return this;
        }

        /** Sets a role's trust, replacing what was set for it before. */
        public Builder trust(RoleTrust trust) {
            InvalidValueException.requireNonNull("trust", trust);
            roles.put(trust.role(), trust);
            return this;
        }

        /**
         * The usual set-up, for every role not configured yet: the hub (if any) trusts the caller, and
         * every environment's deploy role trusts the hub, or the caller when there is no hub.
         */
        public Builder trustByDefault() {
            RoleArn first = hub == null ? caller : hub;
            if (hub != null) {
                roles.putIfAbsent(hub, new RoleTrust(hub, List.of(caller.toString()), null));
            }
            for (Environment environment : landscape.environments()) {
                roles.putIfAbsent(environment.deployRole(),
                        new RoleTrust(environment.deployRole(), List.of(first.toString()), null));
            }
            return this;
        }

        /**
         * The external id the caller presents when assuming {@code environment}'s deploy role (or the
         * hub, when {@code environment} is the hub's ARN).
         */
        public Builder externalId(String environment, String externalId) {
            InvalidValueException.requireNonNull("externalId", externalId);
            if (hub == null || !hub.toString().equals(environment)) {
                landscape.require(environment);
            }
            externalIds.put(environment, externalId);
            return this;
        }

        /** Where injected faults come from. Required. */
        public Builder faults(Faults faults) {
            this.faults = InvalidValueException.requireNonNull("faults", faults);
            return this;
        }

        /** Where calls are recorded; a fresh log by default. */
        public Builder calls(CallLog calls) {
            this.calls = InvalidValueException.requireNonNull("calls", calls);
            return this;
        }

        /** The clock for call records. */
        public Builder clock(Clock clock) {
            this.clock = InvalidValueException.requireNonNull("clock", clock);
            return this;
        }

        public InMemoryEnvironmentAccess build() {
            return new InMemoryEnvironmentAccess(this);
        }
    }
}
