package dev.airlock.aws.policy;

import dev.airlock.aws.OrganizationsException;
import dev.airlock.aws.OrganizationsReader.Parent;
import dev.airlock.aws.OrganizationsReader.PolicySummary;
import dev.airlock.aws.OrganizationsReader;
import dev.airlock.aws.internal.policy.Documents;
import dev.airlock.spi.SetupFinding;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The SCP checks of {@code airlock doctor}: each account's generated SCP must be attached to the account or to
 * a unit or the root above it, with the same meaning. Organizations is read once, through one reader (the
 * management account's or a delegated administrator's), opened on the first check; when it cannot be read
 * at all, one finding says so and which permission to grant, and the SCPs are left unchecked.
 */
final class ScpCheck implements AutoCloseable {
    /** Organizations nests units five deep under the root. */
    private static final int MAX_DEPTH = 7;
    static final String ACTIONS = "organizations:ListPoliciesForTarget, organizations:ListParents and "
            + "organizations:DescribePolicy";

    private final Supplier<OrganizationsReader> open;
    private final String reader;
    private final String readerAccount;
    private final List<GeneratedPolicy> documents;
    private final Map<String, String> contents = new HashMap<>();
    private @Nullable OrganizationsReader organizations;
    private boolean unreadable;

    /**
     * @param open          opens the reader (assuming {@code reader}); may throw the AWS error of that
     * @param reader        the role Organizations is read as, for findings
     * @param readerAccount its account
     * @param documents     every generated document, to name files in fixes
     */
    ScpCheck(Supplier<OrganizationsReader> open, String reader, String readerAccount, List<GeneratedPolicy> documents) {
        this.open = open;
        this.reader = reader;
        this.readerAccount = readerAccount;
        this.documents = documents;
    }

    /** Checks one generated SCP, adding what is wrong to {@code findings}. */
    void check(GeneratedPolicy scp, List<SetupFinding> findings) {
        if (unreadable) {
            return;
        }
        String account = scp.account().value();
        String name = "airlock-" + scp.owner();
        try {
            OrganizationsReader org = reader();
            PolicySummary named = null;
            String namedAt = null;
            String target = account;
            boolean atRoot = false;
            for (int depth = 0; target != null && depth < MAX_DEPTH; depth++) {
                for (PolicySummary policy : org.serviceControlPolicies(target)) {
                    if (Documents.difference(scp.document(), content(org, policy.id())) == null) {
                        return;
                    }
                    if (policy.name().equals(name) && named == null) {
                        named = policy;
                        namedAt = target;
                    }
                }
                Parent up = atRoot ? null : parent(org.parents(target));
                target = up == null ? null : up.id();
                atRoot = up != null && up.isRoot();
            }
            if (named != null) {
                findings.add(new SetupFinding(account, name + " (" + named.id() + ")", "the service control policy "
                        + "attached to " + namedAt + " differs from " + scp.fileName() + ": "
                        + Documents.difference(scp.document(), content(org, named.id())),
                        "aws organizations update-policy --policy-id " + named.id() + " --content file://"
                                + scp.fileName()));
            } else {
                findings.add(new SetupFinding(account, name, "no service control policy like " + scp.fileName()
                        + " is attached to the account or to an organizational unit or root above it, so the "
                        + "account's own administrators can do what it denies", AccountCheck.fix(scp)));
            }
        } catch (OrganizationsException e) {
            if (e.throttled()) {
                findings.add(new SetupFinding(account, name, "Organizations refused every attempt to read the "
                        + "service control policies (" + e.getMessage() + "), so this SCP is unchecked",
                        "run airlock doctor again later"));
            } else if (e.notFound()) {
                findings.add(new SetupFinding(account, name, "the account is not in the organization that " + reader
                        + " reads (" + e.getMessage() + "), so no service control policy bounds it",
                        "invite it (aws organizations invite-account-to-organization --target Id=" + account
                                + ",Type=ACCOUNT), then " + AccountCheck.fix(scp)));
            } else {
                unreadable(findings, e.notInUse()
                        ? "the account " + readerAccount + " is in no organization (" + e.getMessage() + "), so no "
                        + "service control policy bounds any account: the SCPs are unchecked"
                        : "cannot read the service control policies as " + reader + ": " + e.getMessage()
                        + "; the SCPs of every account are unchecked", e.notInUse()
                        ? "create the organization in the management account (aws organizations create-organization "
                        + "--feature-set ALL), invite the accounts and attach each SCP as README.md says; if the "
                        + "organization exists, pass --organizations-role with a role of its management account"
                        : grant());
            }
        } catch (AwsServiceException e) {
            unreadable(findings, "cannot assume " + reader + " to read the service control policies: "
                    + e.awsErrorDetails().errorMessage() + "; the SCPs of every account are unchecked", grant());
        } catch (SdkClientException | UnsupportedOperationException e) {
            // Unreachable (no route to Organizations' endpoint), or a client factory that cannot read it.
            unreadable(findings, "cannot read AWS Organizations as " + reader + ": " + e.getMessage()
                    + "; the SCPs of every account are unchecked", "let this machine reach Organizations' endpoint "
                    + "(organizations.us-east-1.amazonaws.com), or give the doctor a client factory that reads it");
        }
    }

    private OrganizationsReader reader() {
        if (organizations == null) {
            organizations = open.get();
        }
        return organizations;
    }

    private String content(OrganizationsReader org, String policyId) {
        return contents.computeIfAbsent(policyId, org::policyContent);
    }

    private static @Nullable Parent parent(List<Parent> parents) {
        return parents.isEmpty() ? null : parents.get(0);
    }

    private void unreadable(List<SetupFinding> findings, String problem, String fix) {
        unreadable = true;
        findings.add(new SetupFinding(readerAccount, "AWS Organizations", problem, fix));
    }

    private String grant() {
        return "read Organizations as a role of the management account or of a delegated administrator "
                + "(--organizations-role ARN) whose policies allow " + ACTIONS + ", as the inspector role's do ("
                + AwsDoctor.fileOf(documents, "inspector-role-permissions") + "); for a member account, the "
                + "management account must also delegate those actions to it (aws organizations put-resource-policy)";
    }

    @Override
    public void close() {
        if (organizations != null) {
            organizations.close();
        }
    }
}
