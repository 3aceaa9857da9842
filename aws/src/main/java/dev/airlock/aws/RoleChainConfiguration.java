package dev.airlock.aws;

import dev.airlock.InvalidValueException;
import dev.airlock.aws.internal.Validate;
import dev.airlock.environment.RoleArn;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How the backend reaches an environment: from the tooling account's base credentials, through an
 * optional hub role, into the environment's deploy role, with short role sessions.
 *
 * @param hubRole            the role assumed between the base credentials and every deploy role. Set it
 *                           when deploy roles should trust one well-guarded role rather than whatever
 *                           principal runs the promoter (CI runners change; the hub stays). Default none:
 *                           deploy roles are assumed directly
 * @param hubExternalId      the ExternalId the hub role's trust policy requires; only with a hub role
 * @param sessionDuration    DurationSeconds of every role session, 15 minutes to one hour (STS's limit for
 *                           chained sessions). Shorter limits what a leaked session is worth; longer
 *                           means fewer AssumeRole calls. Default one hour
 * @param refreshBefore      how long before expiry cached credentials are replaced, at most half the
 *                           session; raise it if one promotion step can outlast it. Default five minutes
 * @param sessionScope       what one set of credentials is shared by. Default {@link SessionScope#CHAIN}
 * @param sessionPolicy      the inline policy sent with each AssumeRole, narrowing the deploy role to the
 *                           promotion's resources. Default {@link SessionPolicy#narrowed()}: the
 *                           promoted digest's object keys and the repositories, read-only when inspecting
 * @param inspectorPrincipal the SourceIdentity of the sessions the stores open outside any promotion, to
 *                           check whether an environment's bucket or repository is immutable; rename it
 *                           to what your trust policies and CloudTrail queries expect.
 *                           Default {@code airlock-inspector}
 */
public record RoleChainConfiguration(@Nullable RoleArn hubRole, @Nullable String hubExternalId,
        Duration sessionDuration, Duration refreshBefore, SessionScope sessionScope, SessionPolicy sessionPolicy,
        String inspectorPrincipal) {
    /** Chained role sessions last at least 15 minutes and at most one hour (an STS limit). */
    public static final Duration MIN_SESSION = Duration.ofSeconds(900);
    public static final Duration MAX_SESSION = Duration.ofSeconds(3600);

    public RoleChainConfiguration {
        Validate.externalId("hubExternalId", hubExternalId);
        if (hubExternalId != null && hubRole == null) {
            throw new InvalidValueException("hubExternalId", "(set)", "needs a hubRole to be sent with");
        }
        Validate.duration("sessionDuration", sessionDuration, MIN_SESSION, MAX_SESSION);
        Validate.duration("refreshBefore", refreshBefore, Duration.ZERO, sessionDuration.dividedBy(2));
        InvalidValueException.requireNonNull("sessionScope", sessionScope);
        InvalidValueException.requireNonNull("sessionPolicy", sessionPolicy);
        inspectorPrincipal = SessionNames.sanitize("inspectorPrincipal", inspectorPrincipal);
    }

    /**
     * No hub role, one-hour sessions refreshed five minutes early, one session per chain, the narrowed
     * session policy.
     */
    public static RoleChainConfiguration defaults() {
        return new RoleChainConfiguration(null, null, MAX_SESSION, Duration.ofMinutes(5), SessionScope.CHAIN,
                SessionPolicy.narrowed(), "airlock-inspector");
    }

    public static Builder builder() {
        return defaults().toBuilder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public String toString() {
        return "RoleChainConfiguration[hubRole=" + hubRole + ", hubExternalId=" + (hubExternalId == null ? "none" : "(set)")
                + ", sessionDuration=" + sessionDuration + ", refreshBefore=" + refreshBefore + ", sessionScope="
                + sessionScope + ", sessionPolicy=" + sessionPolicy + ", inspectorPrincipal=" + inspectorPrincipal + "]";
    }

    /** Builds a {@link RoleChainConfiguration} starting from {@link #defaults()}; see the record for each option. */
    public static final class Builder {
        private @Nullable RoleArn hubRole;
        private @Nullable String hubExternalId;
        private Duration sessionDuration;
        private Duration refreshBefore;
        private SessionScope sessionScope;
        private SessionPolicy sessionPolicy;
        private String inspectorPrincipal;

        private Builder(RoleChainConfiguration from) {
            hubRole = from.hubRole;
            hubExternalId = from.hubExternalId;
            sessionDuration = from.sessionDuration;
            refreshBefore = from.refreshBefore;
            sessionScope = from.sessionScope;
            sessionPolicy = from.sessionPolicy;
            inspectorPrincipal = from.inspectorPrincipal;
        }

        public Builder hubRole(@Nullable RoleArn hubRole) {
            this.hubRole = hubRole;
            return this;
        }

        public Builder hubExternalId(@Nullable String hubExternalId) {
            this.hubExternalId = hubExternalId;
            return this;
        }

        public Builder sessionDuration(Duration sessionDuration) {
            this.sessionDuration = sessionDuration;
            return this;
        }

        public Builder refreshBefore(Duration refreshBefore) {
            this.refreshBefore = refreshBefore;
            return this;
        }

        public Builder sessionScope(SessionScope sessionScope) {
            this.sessionScope = sessionScope;
            return this;
        }

        public Builder sessionPolicy(SessionPolicy sessionPolicy) {
            this.sessionPolicy = sessionPolicy;
            return this;
        }

        public Builder inspectorPrincipal(String inspectorPrincipal) {
            this.inspectorPrincipal = inspectorPrincipal;
            return this;
        }

        public RoleChainConfiguration build() {
            return new RoleChainConfiguration(hubRole, hubExternalId, sessionDuration, refreshBefore, sessionScope,
                    sessionPolicy, inspectorPrincipal);
        }
    }
}
