package dev.airlock.testkit.aws;

import dev.airlock.InvalidValueException;
import dev.airlock.environment.AccountId;
import dev.airlock.testkit.aws.internal.CallLog;
import dev.airlock.testkit.aws.internal.Caller;
import dev.airlock.testkit.aws.internal.Calls;
import dev.airlock.testkit.aws.internal.FaultRules;
import dev.airlock.testkit.aws.internal.Iam;
import dev.airlock.testkit.aws.internal.Organization;
import dev.airlock.testkit.aws.internal.Policy;
import dev.airlock.testkit.aws.internal.PolicyException;
import dev.airlock.testkit.aws.internal.Principals;
import dev.airlock.testkit.aws.internal.Unimplemented;
import dev.airlock.testkit.aws.internal.ecr.EcrStore;
import dev.airlock.testkit.aws.internal.ecr.FakeEcrClient;
import dev.airlock.testkit.aws.internal.kms.FakeKmsClient;
import dev.airlock.testkit.aws.internal.kms.KmsStore;
import dev.airlock.testkit.aws.internal.iam.FakeIamClient;
import dev.airlock.testkit.aws.internal.s3.FakeS3Client;
import dev.airlock.testkit.aws.internal.s3.S3Store;
import dev.airlock.testkit.aws.internal.sts.FakeStsClient;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * An in-memory AWS: accounts, IAM users and roles, and fake {@link StsClient}, {@link S3Client},
 * {@link EcrClient} and {@link KmsClient} implementations that share one multi-account state, so code written against the
 * AWS SDK runs unchanged, in milliseconds, with trust checked across accounts and errors raised as the
 * SDK's own exception types with AWS's status and error codes.
 *
 * <pre>{@code
 * ManualClock clock = ManualClock.at("2026-03-02T09:00:00Z");
 * AwsWorld aws = AwsWorld.builder()
 *         .clock(clock)
 *         .region(Region.EU_CENTRAL_1)
 *         .account("111111111111")                       // tooling
 *         .account("333333333333")                       // prod
 *         .user("arn:aws:iam::111111111111:user/ci")
 *         .role(IamRole.of("arn:aws:iam::333333333333:role/deploy",
 *                 TrustPolicy.builder().trust("arn:aws:iam::111111111111:user/ci").allowSourceIdentity().build()))
 *         .build();
 * StsClient sts = aws.sts(aws.credentials("arn:aws:iam::111111111111:user/ci"));
 * }</pre>
 *
 * <p>Each client is bound to a credentials provider, resolved on every call as the SDK does: the access
 * key must be one the world issued (a user's or account root's long-term key, or a session from the fake
 * STS), and a session's credentials stop working when the world's clock passes their expiration. Every
 * call is recorded ({@link #calls()}); faults and delays can be scheduled ({@link #faults()}).
 * Operations a fake does not implement, and request fields it does not model, fail loudly with
 * {@link UnsupportedOperationException} naming them. Thread-safe.
 */
public final class AwsWorld {
    private static final Pattern TOKEN = Pattern.compile("[?&]token=([0-9a-f]+)");

    private final Clock clock;
    private final Region region;
    private final Iam iam;
    private final CallLog log = new CallLog();
    private final FaultRules faultRules = new FaultRules();
    private final AwsFaults faults = new AwsFaults(faultRules);
    private final Calls calls;
    private final S3Store s3;
    private final EcrStore ecr;
    private final KmsStore kms;

    private AwsWorld(Builder builder) {
        this.clock = builder.clock;
        this.region = builder.region;
        this.iam = new Iam(clock, builder.accounts, builder.users);
        builder.roles.forEach(iam::putRole);
        builder.roles.forEach(this::requireTrustedPrincipalsExist);
        this.calls = new Calls(iam, faultRules, log, clock);
        this.s3 = new S3Store(calls);
        this.ecr = new EcrStore(calls);
        this.kms = new KmsStore(calls);
    }

    /** Starts a world with no accounts, in us-east-1, on the system clock. */
    public static Builder builder() {
        return new Builder();
    }

    /** The clock sessions expire on and records are stamped with. */
    public Clock clock() {
        return clock;
    }

    /** The region clients get when none is given. */
    public Region region() {
        return region;
    }

    /** An STS client acting with these credentials, in the world's region. */
    public StsClient sts(AwsCredentialsProvider credentials) {
        return sts(credentials, region);
    }

    /** An STS client acting with these credentials, in {@code region}. */
    public StsClient sts(AwsCredentialsProvider credentials, Region region) {
        Calls.Client client = client(AwsService.STS, credentials, region);
        return Unimplemented.loud(StsClient.class, new FakeStsClient(calls, client));
    }

    /** An S3 client acting with these credentials, in the world's region. */
    public S3Client s3(AwsCredentialsProvider credentials) {
        return s3(credentials, region);
    }

    /** An S3 client acting with these credentials, in {@code region} (buckets of other regions answer 301). */
    public S3Client s3(AwsCredentialsProvider credentials, Region region) {
        Calls.Client client = client(AwsService.S3, credentials, region);
        return Unimplemented.loud(S3Client.class, new FakeS3Client(calls, client, s3));
    }

    /** An ECR client acting with these credentials, in the world's region. */
    public EcrClient ecr(AwsCredentialsProvider credentials) {
        return ecr(credentials, region);
    }

    /** An ECR client acting with these credentials, on the registries of {@code region}. */
    public EcrClient ecr(AwsCredentialsProvider credentials, Region region) {
        Calls.Client client = client(AwsService.ECR, credentials, region);
        return Unimplemented.loud(EcrClient.class, new FakeEcrClient(calls, client, ecr));
    }

    /** A KMS client acting with these credentials, in the world's region. */
    public KmsClient kms(AwsCredentialsProvider credentials) {
        return kms(credentials, region);
    }

    /**
     * A KMS client acting with these credentials, on the keys of {@code region}: signing keys (ECC_NIST_P256,
     * RSA) with real key material, whose key policies decide who may sign.
     */
    public KmsClient kms(AwsCredentialsProvider credentials, Region region) {
        Calls.Client client = client(AwsService.KMS, credentials, region);
        return Unimplemented.loud(KmsClient.class, new FakeKmsClient(calls, client, kms));
    }

    /** An IAM client acting with these credentials: it reads roles (GetRole, GetRolePolicy) of the caller's account. */
    public IamClient iam(AwsCredentialsProvider credentials) {
        Calls.Client client = client(AwsService.IAM, credentials, Region.AWS_GLOBAL);
        return Unimplemented.loud(IamClient.class, new FakeIamClient(calls, client));
    }

    /**
     * A reader of the world's organization acting with these credentials (ListPoliciesForTarget,
     * DescribePolicy, ListParents), as a principal of the management account reads it.
     */
    public FakeOrganizations organizations(AwsCredentialsProvider credentials) {
        return new FakeOrganizations(calls, client(AwsService.ORGANIZATIONS, credentials, Region.US_EAST_1));
    }

    private static Calls.Client client(AwsService service, AwsCredentialsProvider credentials, Region region) {
        return new Calls.Client(service, InvalidValueException.requireNonNull("region", region),
                InvalidValueException.requireNonNull("credentials", credentials));
    }

    /**
     * The long-term credentials of a user declared with {@link Builder#user(String)}, or of an account's
     * root user ({@code arn:aws:iam::111111111111:root}, or just the account id). Roots may do anything in
     * their account but, as in AWS, may not assume roles.
     */
    public AwsCredentialsProvider credentials(String principal) {
        String normalized = Principals.normalize(InvalidValueException.requireNonNull("principal", principal));
        return StaticCredentialsProvider.create(iam.longTermCredentials(normalized == null ? principal : normalized)
                .orElseThrow(() -> new InvalidValueException("principal", principal,
                        "is not a user or account root of this world; declare it with user(...) or account(...)")));
    }

    /**
     * Session credentials for a role, issued without a trust check, as if the role had been obtained
     * outside STS's AssumeRole (a CI system's web identity, an instance profile). They last the role's
     * maximum session duration on the world's clock, and assuming another role with them is role chaining.
     */
    public AwsCredentialsProvider roleSessionCredentials(String roleArn, String sessionName) {
        IamRole role = iam.role(InvalidValueException.requireNonNull("roleArn", roleArn))
                .orElseThrow(() -> new InvalidValueException("roleArn", roleArn, "is not a role of this world"));
        if (!sessionName.matches("[\\w+=,.@-]{2,64}")) {
            throw new InvalidValueException("sessionName", sessionName, "must be 2-64 characters of [\\w+=,.@-]");
        }
        Instant expiration = clock.instant().plus(role.maxSessionDuration());
        Caller session = new Caller(role.account(),
                Principals.sessionArn(role.arn().partition(), role.account(), role.name(), sessionName),
                iam.roleId(roleArn) + ":" + sessionName,
                new Caller.Session(roleArn, sessionName, null, Map.of(), Set.of(), null, expiration));
        return StaticCredentialsProvider.create(iam.issueSession(session));
    }

    /** Adds a role, or replaces the role with the same ARN (for example to change its trust mid-test). */
    public void putRole(IamRole role) {
        requireAccount(InvalidValueException.requireNonNull("role", role).account(), "role", role.arn());
        requireTrustedPrincipalsExist(role);
        iam.putRole(role);
    }

    /** IAM refuses a trust policy naming a user or role that does not exist ("Invalid principal in policy"). */
    private void requireTrustedPrincipalsExist(IamRole role) {
        for (String principal : role.trust().principals()) {
            boolean named = Principals.isUser(principal) || Principals.isRole(principal);
            if (named && !principal.equals(role.arn().toString()) && !iam.principalExists(principal)) {
                throw new InvalidValueException("trust", principal, "of role " + role.arn()
                        + " is not a user or role of this world (IAM rejects it as an invalid principal)");
            }
        }
    }

    /**
     * Puts every account of the world into an organization with this id ({@code o-...}), managed from
     * {@code managementAccount}. Its service control policies then bound every principal of the other
     * accounts, root users included; AWS's FullAWSAccess is taken as attached everywhere, so SCPs refuse
     * with their Deny statements. Requests then carry {@code aws:PrincipalOrgID}.
     */
    public void organization(String organizationId, String managementAccount) {
        if (!InvalidValueException.requireNonNull("organizationId", organizationId).matches("o-[a-z0-9]{10,32}")) {
            throw new InvalidValueException("organizationId", organizationId, "must be o- and 10-32 lowercase letters or digits");
        }
        requireAccount(AccountId.of(managementAccount).value(), "managementAccount", managementAccount);
        iam.organization(new Organization(organizationId, managementAccount));
    }

    /** Places accounts in an organizational unit directly under the organization's root. */
    public void organizationalUnit(String unit, String... accounts) {
        Organization organization = requireOrganization();
        for (String account : accounts) {
            requireAccount(AccountId.of(account).value(), "account", account);
            organization.place(account, InvalidValueException.requireNonNull("unit", unit));
        }
    }

    /**
     * Attaches a service control policy (as {@code aws organizations create-policy} and {@code attach-policy}
     * would) to {@code target}: {@code "root"}, an organizational unit, or an account id.
     *
     * @throws InvalidValueException when the document is malformed or over 5,120 characters, as Organizations refuses it
     */
    public void attachServiceControlPolicy(String name, String document, String target) {
        Organization organization = requireOrganization();
        Policy policy = scp(name, document);
        organization.attach(InvalidValueException.requireNonNull("name", name),
                InvalidValueException.requireNonNull("target", target), policy, document);
    }

    /** Detaches the service control policy {@code name} from {@code target}, as {@code detach-policy} would. */
    public void detachServiceControlPolicy(String name, String target) {
        if (!requireOrganization().detach(name, target)) {
            throw new InvalidValueException("target", target, "has no service control policy named " + name);
        }
    }

    /** Replaces the document of the service control policy {@code name}, as {@code update-policy --content} would. */
    public void updateServiceControlPolicy(String name, String document) {
        if (!requireOrganization().update(name, scp(name, document), document)) {
            throw new InvalidValueException("name", name, "is no service control policy of the organization");
        }
    }

    private static Policy scp(String name, String document) {
        InvalidValueException.requireNonNull("document", document);
        if (document.length() > 5_120) {
            throw new InvalidValueException("document", name, "is " + document.length()
                    + " characters; Organizations accepts at most 5,120 for a service control policy");
        }
        try {
            return Policy.parse(document, Policy.Kind.SCP);
        } catch (PolicyException e) {
            throw new InvalidValueException("document", name, "is not a valid service control policy: " + e.getMessage());
        }
    }

    private Organization requireOrganization() {
        Organization organization = iam.organization();
        if (organization == null) {
            throw new IllegalStateException("the world has no organization; call organization(id, managementAccount) first");
        }
        return organization;
    }

    /** Deletes a role: it can no longer be assumed, and its live sessions lose every permission. */
    public void removeRole(String roleArn) {
        if (!iam.removeRole(roleArn)) {
            throw new InvalidValueException("roleArn", roleArn, "is not a role of this world");
        }
    }

    /**
     * The bytes of a layer behind a URL that {@code GetDownloadUrlForLayer} returned, standing in for
     * the HTTPS download a registry client would make. The URL stays valid while the layer exists.
     *
     * @throws IllegalArgumentException when the URL was not issued by this world or the layer is gone
     */
    public byte[] download(String url) {
        Matcher matcher = TOKEN.matcher(InvalidValueException.requireNonNull("url", url));
        if (!matcher.find()) {
            throw new IllegalArgumentException("not a layer download URL issued by this world: " + url);
        }
        return ecr.download(matcher.group(1)).map(byte[]::clone).orElseThrow(() -> new IllegalArgumentException(
                "no layer behind this URL in this world (never issued, or the repository was deleted): " + url));
    }

    /**
     * Makes an ECR repository of the world's region hold {@code manifest} under {@code digest}, whether or not
     * the manifest hashes to it, replacing any image under that digest; tags naming the digest keep naming
     * it. No ECR operation can do this, since ECR hashes what it is sent: it stands for storage gone bad or
     * a registry that lies, so a test can check that code reading images hashes what it gets. It is not a
     * call, so it is not recorded.
     *
     * @throws IllegalArgumentException when the repository does not exist or {@code digest} is not a
     *                                  {@code sha256:} digest
     */
    public void corruptImage(String registryId, String repositoryName, String digest, String manifest) {
        ecr.corruptImage(InvalidValueException.requireNonNull("registryId", registryId), region,
                InvalidValueException.requireNonNull("repositoryName", repositoryName),
                InvalidValueException.requireNonNull("digest", digest),
                InvalidValueException.requireNonNull("manifest", manifest));
    }

    /** Every call so far, in arrival order. */
    public List<AwsCall> calls() {
        return log.snapshot();
    }

    /** The calls so far of one operation, such as {@code calls(AwsService.STS, "AssumeRole")}. */
    public List<AwsCall> calls(AwsService service, String operation) {
        List<AwsCall> matching = new ArrayList<>();
        for (AwsCall call : log.snapshot()) {
            if (call.service() == service && call.operation().equals(operation)) {
                matching.add(call);
            }
        }
        return matching;
    }

    /** Forgets the calls recorded so far. */
    public void clearCalls() {
        log.clear();
    }

    /** Scheduling of faults and delays for coming calls. */
    public AwsFaults faults() {
        return faults;
    }

    private void requireAccount(String account, String field, Object value) {
        if (!iam.hasAccount(account)) {
            throw new InvalidValueException(field, value, "belongs to account " + account
                    + ", which is not declared; add .account(\"" + account + "\")");
        }
    }

    @Override
    public String toString() {
        return "AwsWorld[" + region + ", " + clock + "]";
    }

    /** Builds an {@link AwsWorld}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private Region region = Region.US_EAST_1;
        private final Set<String> accounts = new LinkedHashSet<>();
        private final Set<String> users = new LinkedHashSet<>();
        private final List<IamRole> roles = new ArrayList<>();

        private Builder() {
        }

        /** The clock credentials expire on; use {@code dev.airlock.testkit.ManualClock} to move time in tests. */
        public Builder clock(Clock clock) {
            this.clock = InvalidValueException.requireNonNull("clock", clock);
            return this;
        }

        /** The region clients get when none is given (default us-east-1). */
        public Builder region(Region region) {
            this.region = InvalidValueException.requireNonNull("region", region);
            return this;
        }

        /** Declares accounts (12 digits each). Each gets a root user. */
        public Builder account(String... accountIds) {
            for (String account : accountIds) {
                accounts.add(AccountId.of(account).value());
            }
            return this;
        }

        /** Declares an IAM user, such as {@code arn:aws:iam::111111111111:user/ci}, with long-term credentials. */
        public Builder user(String userArn) {
            String normalized = Principals.normalize(InvalidValueException.requireNonNull("user", userArn));
            if (normalized == null || !Principals.isUser(normalized)) {
                throw new InvalidValueException("user", userArn, "must look like arn:aws:iam::111111111111:user/name");
            }
            users.add(normalized);
            return this;
        }

        /** Declares a role. */
        public Builder role(IamRole role) {
            roles.add(InvalidValueException.requireNonNull("role", role));
            return this;
        }

        /** The world; fails naming the user or role whose account was not declared. */
        public AwsWorld build() {
            for (String user : users) {
                String account = Principals.account(user);
                if (!accounts.contains(account)) {
                    throw new InvalidValueException("user", user, "belongs to account " + account
                            + ", which is not declared; add .account(\"" + account + "\")");
                }
            }
            for (IamRole role : roles) {
                if (!accounts.contains(role.account())) {
                    throw new InvalidValueException("role", role.arn(), "belongs to account " + role.account()
                            + ", which is not declared; add .account(\"" + role.account() + "\")");
                }
            }
            return new AwsWorld(this);
        }
    }
}
