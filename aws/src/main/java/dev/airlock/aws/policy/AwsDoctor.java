package dev.airlock.aws.policy;

import dev.airlock.InvalidValueException;
import dev.airlock.aws.AwsClientFactory;
import dev.airlock.aws.AwsConfiguration;
import dev.airlock.environment.AccountId;
import dev.airlock.environment.Landscape;
import dev.airlock.environment.RoleArn;
import dev.airlock.spi.SetupFinding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * {@code airlock doctor}: reads, and never changes, the live accounts through the read-only inspector role
 * in each, and says where they differ from what {@link AwsPolicies} generates: the SCPs attached to each
 * account or above it (read from Organizations), roles and their trust and inline policies, bucket and
 * repository policies, versioning and Object Lock on the ledger bucket, tag immutability of the
 * repositories, and the key policies of signing keys. Each finding names the account, the resource, the
 * problem and the fix.
 *
 * <p>Organizations answers only its management account and delegated administrators, so it is read through
 * one role: by default the tooling account's inspector role (which works when tooling is the management
 * account or a delegated administrator), otherwise the role {@link #readingOrganizationsAs} names. When
 * Organizations cannot be read, one finding says what to grant. Not checked: the managed policies (they are
 * attached to roles Airlock does not know).
 */
public final class AwsDoctor {
    private final AwsPolicies expected;
    private final AwsConfiguration configuration;
    private final Landscape landscape;
    private final AwsClientFactory clients;
    private final AwsCredentialsProvider base;
    private final String inspectorRole;
    private final @Nullable RoleArn organizationsRole;

    private AwsDoctor(AwsPolicies expected, AwsConfiguration configuration, Landscape landscape,
            AwsClientFactory clients, AwsCredentialsProvider base, String inspectorRole,
            @Nullable RoleArn organizationsRole) {
        this.expected = expected;
        this.configuration = configuration;
        this.landscape = landscape;
        this.clients = clients;
        this.base = base;
        this.inspectorRole = inspectorRole;
        this.organizationsRole = organizationsRole;
    }

    /**
     * A doctor comparing the accounts with {@code expected}, reading them from {@code base} (tooling
     * credentials) through the role named {@code inspectorRole} in each account.
     */
    public static AwsDoctor of(AwsPolicies expected, AwsConfiguration configuration, Landscape landscape,
            AwsClientFactory clients, AwsCredentialsProvider base, String inspectorRole) {
        return new AwsDoctor(InvalidValueException.requireNonNull("expected", expected),
                InvalidValueException.requireNonNull("configuration", configuration),
                InvalidValueException.requireNonNull("landscape", landscape),
                InvalidValueException.requireNonNull("clients", clients),
                InvalidValueException.requireNonNull("base", base),
                InvalidValueException.requireNonNull("inspectorRole", inspectorRole), null);
    }

    /**
     * This doctor reading Organizations (the SCPs) through {@code roleArn}, assumed from the base credentials:
     * a role of the management account, or of a delegated administrator, allowed
     * {@code organizations:ListPoliciesForTarget}, {@code ListParents} and {@code DescribePolicy}. Null (the
     * default) reads through the tooling account's inspector role.
     *
     * @throws InvalidValueException when {@code roleArn} is not a role ARN
     */
    public AwsDoctor readingOrganizationsAs(@Nullable String roleArn) {
        return new AwsDoctor(expected, configuration, landscape, clients, base, inspectorRole,
                roleArn == null ? null : RoleArn.parse(roleArn));
    }

    /** Every difference found, account by account, in the order of the generated documents; empty when right. */
    public List<SetupFinding> check() {
        Map<AccountId, List<GeneratedPolicy>> byAccount = new LinkedHashMap<>();
        expected.documents().forEach(d -> byAccount.computeIfAbsent(d.account(), a -> new ArrayList<>()).add(d));
        List<SetupFinding> findings = new ArrayList<>();
        String reader = organizationsRole != null ? organizationsRole.toString()
                : inspectorArn(landscape.accounts().tooling());
        try (ScpCheck scps = new ScpCheck(() -> clients.organizations(inspect(reader)), reader,
                RoleArn.parse(reader).account().value(), expected.documents())) {
            for (Map.Entry<AccountId, List<GeneratedPolicy>> account : byAccount.entrySet()) {
                account.getValue().stream().filter(d -> d.kind() == PolicyKind.SCP)
                        .forEach(scp -> scps.check(scp, findings));
                check(account.getKey(), account.getValue(), findings);
            }
        }
        return findings;
    }

    private void check(AccountId account, List<GeneratedPolicy> documents, List<SetupFinding> findings) {
        String role = inspectorArn(account);
        AwsCredentialsProvider session;
        try {
            session = inspect(role);
        } catch (AwsServiceException e) {
            findings.add(new SetupFinding(account.value(), role, "cannot assume the inspector role: "
                    + e.awsErrorDetails().errorMessage(), "create it from " + fileOf(documents, "inspector-role-trust")
                    + " and " + fileOf(documents, "inspector-role-permissions")));
            return;
        }
        new AccountCheck(clients, configuration, landscape, account, documents, session, findings).run();
    }

    private String inspectorArn(AccountId account) {
        String partition = landscape.environments().isEmpty() ? "aws"
                : landscape.environments().get(0).deployRole().partition();
        return "arn:" + partition + ":iam::" + account.value() + ":role/" + inspectorRole;
    }

    private AwsCredentialsProvider inspect(String role) {
        try (StsClient sts = clients.sts(base, configuration.region())) {
            Credentials c = sts.assumeRole(r -> r.roleArn(role).roleSessionName("airlock-doctor").durationSeconds(900))
                    .credentials();
            return StaticCredentialsProvider.create(AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(),
                    c.sessionToken()));
        }
    }

    static String fileOf(List<GeneratedPolicy> documents, String purpose) {
        return documents.stream().filter(d -> d.purpose().equals(purpose)).map(GeneratedPolicy::fileName).findFirst()
                .orElse(purpose);
    }
}
