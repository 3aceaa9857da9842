package dev.airlock.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.aws.OrganizationsReader.Parent;
import dev.airlock.aws.OrganizationsReader.PolicySummary;
import dev.airlock.aws.internal.OrganizationsJsonClient;
import dev.airlock.environment.AccountId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The Organizations reader against moto's Organizations over HTTP: an organization made with the AWS CLI
 * (a created account in a unit, SCPs on the account, the unit and the root) reads back as made, page by
 * page, and an account outside it is not found.
 */
class OrganizationsReaderOnMotoTest {
    private static final String SCP = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Deny%s\",\"Effect\":"
            + "\"Deny\",\"Action\":\"s3:DeleteBucket\",\"Resource\":\"*\"}]}";

    @TempDir
    Path dir;

    private final MotoAws moto = new MotoAws();

    @AfterEach
    void close() {
        moto.close();
    }

    @Test
    void theReader_readsWhatTheAwsCliAttached_pageByPage_andWalksUpToTheRoot() throws Exception {
        AwsCli management = new AwsCli(moto.server.endpoint(), moto.assume("arn:aws:iam::"
                + GeneratedAws.MANAGEMENT + ":role/moto-setup"));
        management.json("organizations", "create-organization", "--feature-set", "ALL");
        String root = management.json("organizations", "list-roots").at("/Roots/0/Id").asText();
        String unit = management.json("organizations", "create-organizational-unit", "--parent-id", root, "--name",
                "workloads").at("/OrganizationalUnit/Id").asText();
        String account = management.json("organizations", "create-account", "--email", "prod@example.com",
                "--account-name", "prod").at("/CreateAccountStatus/AccountId").asText();
        management.run("organizations", "move-account", "--account-id", account, "--source-parent-id", root,
                "--destination-parent-id", unit);
        String onAccount = policy(management, "a", account);
        String onUnit1 = policy(management, "b", unit);
        String onUnit2 = policy(management, "c", unit);
        policy(management, "d", root);

        try (OrganizationsReader reader = new OrganizationsJsonClient(UrlConnectionHttpClient.create(), true,
                moto.credentials(AccountId.of(GeneratedAws.MANAGEMENT)), moto.server.endpoint(), 2,
                Duration.ofMillis(10))) {
            assertEquals(List.of(new Parent(unit, "ORGANIZATIONAL_UNIT")), reader.parents(account));
            assertEquals(List.of(new Parent(root, "ROOT")), reader.parents(unit));
            assertEquals(List.of("FullAWSAccess", "scp-a"), names(reader.serviceControlPolicies(account)));
            // Three on the unit, with pages of two.
            assertEquals(List.of("FullAWSAccess", "scp-b", "scp-c"), names(reader.serviceControlPolicies(unit)));
            assertEquals(String.format(SCP, "a"), reader.policyContent(onAccount));
            assertTrue(List.of(onUnit1, onUnit2).stream().allMatch(id -> id.matches("p-[a-z0-9]{8}")));

            OrganizationsException outside = assertThrows(OrganizationsException.class,
                    () -> reader.parents("444444444444"));
            assertTrue(outside.notFound(), outside.getMessage());
        }
    }

    private String policy(AwsCli management, String name, String target) throws Exception {
        Path file = Files.writeString(dir.resolve(name + ".json"), String.format(SCP, name));
        String id = management.json("organizations", "create-policy", "--type", "SERVICE_CONTROL_POLICY", "--name",
                "scp-" + name, "--description", "test", "--content", "file://" + file).at("/Policy/PolicySummary/Id")
                .asText();
        management.run("organizations", "attach-policy", "--policy-id", id, "--target-id", target);
        return id;
    }

    private static List<String> names(List<PolicySummary> policies) {
        return policies.stream().map(PolicySummary::name).sorted().toList();
    }
}
