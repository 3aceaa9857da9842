package dev.airlock.testkit.aws.internal;

import dev.airlock.testkit.aws.AwsService;
import dev.airlock.testkit.aws.IamRole;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Accounts, IAM users and roles, and every access key the world has issued, with the identity each
 * key stands for. Thread-safe.
 */
public final class Iam {
    private record Key(String secret, @Nullable String token, Caller caller, @Nullable Instant expiration) {
    }

    private record RoleEntry(IamRole role, @Nullable Policy permissions) {
    }

    private final Clock clock;
    private final Set<String> accounts;
    private final ConcurrentMap<String, RoleEntry> roles = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, String> roleIds = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, AwsBasicCredentials> longTermKeys = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Key> keys = new ConcurrentHashMap<>();
    private volatile @Nullable Organization organization;

    public Iam(Clock clock, Set<String> accounts, Set<String> userArns) {
        this.clock = clock;
        this.accounts = Set.copyOf(accounts);
        for (String account : accounts) {
            String arn = "arn:aws:iam::" + account + ":root";
            issueLongTerm(new Caller(account, arn, account, null));
        }
        for (String userArn : userArns) {
            String account = Objects.requireNonNull(Principals.account(userArn));
            issueLongTerm(new Caller(account, userArn, Ids.keyId("AIDA"), null));
        }
    }

    private void issueLongTerm(Caller caller) {
        AwsBasicCredentials credentials = AwsBasicCredentials.create(Ids.keyId("AKIA"), Ids.secret());
        keys.put(credentials.accessKeyId(), new Key(credentials.secretAccessKey(), null, caller, null));
        longTermKeys.put(caller.arn(), credentials);
    }

    /** The clock sessions expire on. */
    public Clock clock() {
        return clock;
    }

    /** Whether the account was declared. */
    public boolean hasAccount(String account) {
        return accounts.contains(account);
    }

    /** The long-term access key of a root or user ARN, if it exists. */
    public Optional<AwsBasicCredentials> longTermCredentials(String principalArn) {
        return Optional.ofNullable(longTermKeys.get(principalArn));
    }

    /** Adds or replaces a role; existing sessions of a replaced role keep working until they expire, as in AWS. */
    public void putRole(IamRole role) {
        Policy permissions = role.permissionsPolicy() == null
                ? null
                : Policy.parse(role.permissionsPolicy(), Policy.Kind.IDENTITY);
        roles.put(role.arn().toString(), new RoleEntry(role, permissions));
        roleIds.computeIfAbsent(role.arn().toString(), arn -> Ids.keyId("AROA"));
    }

    /** Deletes a role; its sessions lose every permission, as in AWS. */
    public boolean removeRole(String arn) {
        return roles.remove(arn) != null;
    }

    /** The role with this ARN, if it exists. */
    public Optional<IamRole> role(String arn) {
        RoleEntry entry = roles.get(arn);
        return entry == null ? Optional.empty() : Optional.of(entry.role());
    }

    /** The unique id of a role ({@code AROA...}), stable for the world's lifetime. */
    public String roleId(String arn) {
        return roleIds.computeIfAbsent(arn, a -> Ids.keyId("AROA"));
    }

    /** Makes the accounts members of {@code organization}, whose SCPs then bound their principals. */
    public void organization(Organization organization) {
        this.organization = organization;
    }

    public @Nullable Organization organization() {
        return organization;
    }

    /**
     * The condition keys of a request by {@code caller}: who it is ({@code aws:PrincipalArn} is the role's
     * ARN for a role session), its source identity, its organization, TLS (every fake call is HTTPS), and
     * what the call in progress added ({@link RequestScope}).
     */
    public Map<String, String> context(Caller caller) {
        Map<String, String> keys = new HashMap<>(RequestScope.keys());
        Caller.Session session = caller.session();
        keys.put("aws:principalarn", session != null ? session.roleArn() : caller.arn());
        keys.put("aws:principalaccount", caller.account());
        keys.put("aws:securetransport", "true");
        if (caller.sourceIdentity() != null) {
            keys.put("aws:sourceidentity", caller.sourceIdentity());
        }
        Organization org = organization;
        if (org != null) {
            keys.put("aws:principalorgid", org.id());
        }
        return keys;
    }

    /** The SCP statement that refuses the request, as "policy NAME, statement SID", or null. */
    public @Nullable String scpDenial(Caller caller, String action, String resource) {
        Organization org = organization;
        return org == null ? null : org.denial(caller, action, resource, context(caller));
    }

    /** Why {@link #allows} refused, in the words AWS uses at the end of an AccessDenied message, naming the statement. */
    public String denialReason(Caller caller, String action, String resourceArn, @Nullable Policy resourcePolicy) {
        String scp = scpDenial(caller, action, resourceArn);
        if (scp != null) {
            return "with an explicit deny in a service control policy (" + scp + ")";
        }
        if (resourcePolicy != null) {
            Policy.Evaluation resource = resourcePolicy.evaluate(caller, action, resourceArn, context(caller));
            if (resource.decision() == Policy.Decision.DENY) {
                return "with an explicit deny in a resource-based policy (statement " + resource.statement() + ")";
            }
        }
        Policy.Evaluation identity = identityEvaluation(caller, action, resourceArn);
        if (identity.decision() == Policy.Decision.DENY) {
            return "with an explicit deny in an identity-based policy (statement " + identity.statement() + ")";
        }
        if (identity.decision() != Policy.Decision.ALLOW) {
            return "because no identity-based policy allows the " + action + " action";
        }
        return "because no resource-based policy allows the " + action + " action";
    }

    /** Whether a normalized principal names an identity that exists, as AWS checks when a policy is saved. */
    public boolean principalExists(String normalized) {
        if (normalized.equals("*")) {
            return true;
        }
        if (Principals.isRoot(normalized)) {
            return true;
        }
        if (Principals.isRole(normalized)) {
            return roles.containsKey(normalized);
        }
        if (Principals.isUser(normalized)) {
            return longTermKeys.containsKey(normalized);
        }
        // An assumed-role session ARN is accepted whether or not the session exists yet.
        return true;
    }

    /** Registers a new role session and returns its credentials. */
    public AwsSessionCredentials issueSession(Caller caller) {
        Caller.Session session = Objects.requireNonNull(caller.session(), "session");
        AwsSessionCredentials credentials = AwsSessionCredentials.builder()
                .accessKeyId(Ids.keyId("ASIA"))
                .secretAccessKey(Ids.secret())
                .sessionToken(Ids.sessionToken())
                .expirationTime(session.expiration())
                .build();
        keys.put(credentials.accessKeyId(),
                new Key(credentials.secretAccessKey(), credentials.sessionToken(), caller, session.expiration()));
        return credentials;
    }

    /**
     * The identity behind credentials, checked the way AWS checks a signature: a known access key,
     * the matching secret and session token, and a session that has not expired on the world's clock.
     */
    public Caller authenticate(AwsService service, AwsCredentialsIdentity credentials) {
        Key key = keys.get(credentials.accessKeyId());
        if (key == null) {
            throw ServiceErrors.unknownAccessKey(service);
        }
        if (!key.secret().equals(credentials.secretAccessKey())) {
            throw ServiceErrors.signatureMismatch(service);
        }
        String token = credentials instanceof AwsSessionCredentialsIdentity session ? session.sessionToken() : null;
        if (!Objects.equals(key.token(), token)) {
            throw ServiceErrors.invalidToken(service);
        }
        if (key.expiration() != null && !clock.instant().isBefore(key.expiration())) {
            throw ServiceErrors.expiredToken(service);
        }
        return key.caller();
    }

    /**
     * What the caller's own policies say about {@code action} on {@code resource}: roots and users, and
     * roles without a permissions policy, may do anything; a session policy narrows a session further.
     * A session whose role was deleted may do nothing.
     */
    public Policy.Decision identityDecision(Caller caller, String action, String resource) {
        return identityEvaluation(caller, action, resource).decision();
    }

    /** {@link #identityDecision} with the statement that decided. */
    public Policy.Evaluation identityEvaluation(Caller caller, String action, String resource) {
        Caller.Session session = caller.session();
        if (session == null) {
            return new Policy.Evaluation(Policy.Decision.ALLOW, null);
        }
        RoleEntry role = roles.get(session.roleArn());
        if (role == null) {
            return new Policy.Evaluation(Policy.Decision.NONE, null);
        }
        Map<String, String> context = context(caller);
        Policy.Evaluation rolePolicy = role.permissions() == null
                ? new Policy.Evaluation(Policy.Decision.ALLOW, null)
                : role.permissions().evaluate(caller, action, resource, context);
        Policy.Evaluation sessionPolicy = session.policy() == null
                ? new Policy.Evaluation(Policy.Decision.ALLOW, null)
                : session.policy().evaluate(caller, action, resource, context);
        if (rolePolicy.decision() == Policy.Decision.DENY) {
            return rolePolicy;
        }
        if (sessionPolicy.decision() == Policy.Decision.DENY) {
            return sessionPolicy;
        }
        return rolePolicy.decision() == Policy.Decision.ALLOW && sessionPolicy.decision() == Policy.Decision.ALLOW
                ? rolePolicy
                : new Policy.Evaluation(Policy.Decision.NONE, null);
    }

    /**
     * Whether {@code caller} may perform {@code action} on a resource owned by {@code resourceAccount}
     * that carries {@code resourcePolicy}: an explicit Deny anywhere refuses; within one account either
     * the identity or the resource policy may allow; across accounts both must.
     */
    public boolean allows(Caller caller, String action, String resourceArn, String resourceAccount,
            @Nullable Policy resourcePolicy) {
        if (scpDenial(caller, action, resourceArn) != null) {
            return false;
        }
        Policy.Decision identity = identityDecision(caller, action, resourceArn);
        Policy.Decision resource = resourcePolicy == null
                ? Policy.Decision.NONE
                : resourcePolicy.decide(caller, action, resourceArn, context(caller));
        if (identity == Policy.Decision.DENY || resource == Policy.Decision.DENY) {
            return false;
        }
        if (caller.account().equals(resourceAccount)) {
            return identity == Policy.Decision.ALLOW || resource == Policy.Decision.ALLOW;
        }
        return identity == Policy.Decision.ALLOW && resource == Policy.Decision.ALLOW;
    }

}
