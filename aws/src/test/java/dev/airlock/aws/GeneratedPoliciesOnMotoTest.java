package dev.airlock.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.artifact.ArtifactKind;
import dev.airlock.artifact.Digest;
import dev.airlock.artifact.Provenance;
import dev.airlock.attestation.InMemoryKeys;
import dev.airlock.aws.policy.AwsPolicies;
import dev.airlock.aws.policy.GeneratedPolicy;
import dev.airlock.aws.policy.PolicyKind;
import dev.airlock.aws.policy.PolicyOptions;
import dev.airlock.environment.RoleArn;
import dev.airlock.guardrail.Guardrails;
import dev.airlock.guardrail.Principal;
import dev.airlock.guardrail.policy.Attachment;
import dev.airlock.guardrail.policy.PolicyDocument;
import dev.airlock.guardrail.policy.Rule;
import dev.airlock.guardrail.policy.Statement;
import dev.airlock.promotion.ArtifactRegistration;
import dev.airlock.promotion.PromotionCommand;
import dev.airlock.promotion.PromotionEngine;
import dev.airlock.promotion.PromotionResult.Status;
import dev.airlock.spi.AccessDeniedException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/**
 * Every generated document put in place on moto through the AWS CLI, as the index says (moto refuses
 * malformed documents; it does not enforce them), then a promotion through those accounts. moto cannot
 * place chosen account ids in an organization, so each SCP is attached to an organizational unit named
 * after its account.
 */
class GeneratedPoliciesOnMotoTest {
    /** Every principal's and builder's signing key, made on first use. */
    private static final InMemoryKeys KEYS = new InMemoryKeys();

    private static final Principal CI = Principal.of("ci@tooling", "developers");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path out;

    private final MotoAws moto = new MotoAws();

    @AfterEach
    void close() {
        moto.close();
    }

    private AwsCli cli(String account) {
        return new AwsCli(moto.server.endpoint(), moto.assume("arn:aws:iam::" + account + ":role/moto-setup"));
    }

    @Test
    void everyGeneratedDocument_isAcceptedByTheAwsCli_andAirlockThenPromotes() {
        AwsConfiguration configuration = moto.configuration().build();
        AwsPolicies policies = AwsPolicies.generate(moto.landscape, configuration, GeneratedAws.IDENTITIES,
                PolicyOptions.defaults().withOrganizationId("o-a1b2c3d4e5"));
        policies.writeTo(out);
        moto.withStorage();

        int applied = 0;
        for (GeneratedPolicy policy : policies.documents()) {
            if (policy.kind() == PolicyKind.TRUST) {
                String role = RoleArn.parse(policy.target()).name();
                AwsCli account = cli(policy.account().value());
                account.json("iam", "create-role", "--role-name", role, "--assume-role-policy-document", file(policy));
                for (GeneratedPolicy inline : policies.documents()) {
                    if (inline.kind() == PolicyKind.INLINE && inline.target().equals(policy.target())) {
                        account.run("iam", "put-role-policy", "--role-name", role, "--policy-name", "airlock",
                                "--policy-document", file(inline));
                        applied++;
                    }
                }
            } else if (policy.kind() == PolicyKind.MANAGED) {
                cli(policy.account().value()).json("iam", "create-policy", "--policy-name", "airlock-" + policy.purpose(),
                        "--policy-document", file(policy));
            } else if (policy.kind() == PolicyKind.BUCKET) {
                cli(policy.account().value()).run("s3api", "put-bucket-policy", "--bucket", policy.target(), "--policy",
                        file(policy));
            } else if (policy.kind() == PolicyKind.REPOSITORY) {
                cli(policy.account().value()).json("ecr", "set-repository-policy", "--repository-name",
                        policy.target().substring(policy.target().indexOf(":repository/") + 12), "--policy-text",
                        file(policy));
            } else {
                continue; // inline policies go with their role above; SCPs below, once the organization exists
            }
            applied++;
        }
        applied += applyScps(policies);
        assertEquals(policies.documents().size(), applied, "every document was put in place");

        JsonNode trust = cli("444444444444").json("iam", "get-role", "--role-name", "airlock-deploy");
        assertEquals("DenyWithoutSourceIdentity", trust.at("/Role/AssumeRolePolicyDocument/Statement/0/Sid").asText());

        // moto enforces a bucket policy's statements with Principal "*" but ignores their conditions (its
        // put_bucket_policy says so), so each conditional deny refuses everyone, Airlock included. Without those
        // statements (evaluated with their conditions on the in-memory AWS), Airlock promotes.
        AccessDeniedException insecure = assertThrows(AccessDeniedException.class, () -> promote(configuration));
        assertTrue(insecure.getMessage().contains("403"), insecure.getMessage());
        for (GeneratedPolicy policy : policies.documents()) {
            if (policy.kind() == PolicyKind.BUCKET) {
                cli(policy.account().value()).run("s3api", "put-bucket-policy", "--bucket", policy.target(), "--policy",
                        withoutEveryoneStatements(policy));
            }
        }
        promote(configuration);
    }

    private static String withoutEveryoneStatements(GeneratedPolicy policy) {
        try {
            ObjectNode document = (ObjectNode) JSON.readTree(policy.document());
            ArrayNode kept = JSON.createArrayNode();
            for (JsonNode statement : document.get("Statement")) {
                if (!statement.path("Principal").asText().equals("*")) {
                    kept.add(statement);
                }
            }
            document.set("Statement", kept);
            return document.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Creates the organization from a management account and attaches each SCP, returning how many. */
    private int applyScps(AwsPolicies policies) {
        AwsCli management = cli(GeneratedAws.MANAGEMENT);
        management.json("organizations", "create-organization", "--feature-set", "ALL");
        String root = management.json("organizations", "list-roots").at("/Roots/0/Id").asText();
        int attached = 0;
        for (GeneratedPolicy scp : policies.documents()) {
            if (scp.kind() != PolicyKind.SCP) {
                continue;
            }
            String unit = management.json("organizations", "create-organizational-unit", "--parent-id", root,
                    "--name", scp.account().value() + "-" + scp.owner()).at("/OrganizationalUnit/Id").asText();
            String id = management.json("organizations", "create-policy", "--type", "SERVICE_CONTROL_POLICY",
                    "--name", "airlock-" + scp.owner(), "--description", "Airlock guardrails", "--content", file(scp))
                    .at("/Policy/PolicySummary/Id").asText();
            management.run("organizations", "attach-policy", "--policy-id", id, "--target-id", unit);
            attached++;
        }
        return attached;
    }

    private String file(GeneratedPolicy policy) {
        return "file://" + out.resolve(policy.fileName());
    }

    private void promote(AwsConfiguration configuration) {
        PolicyDocument base = PolicyDocument.of("base", "1", Attachment.organization(),
                Statement.of("developers", new Rule.Permission(List.of(), List.of("developers"))),
                Statement.of("any-stage", new Rule.NoSkipping(false)));
        PromotionEngine engine = PromotionEngine.builder().keyring(KEYS).signers(KEYS).landscape(moto.landscape)
                .guardrails(Guardrails.of(moto.landscape, List.of(base), Map.of("developers", List.of("ci@tooling"))))
                .backend(moto.backend(configuration, Clock.systemUTC())).clock(Clock.systemUTC()).build();
        Digest digest = engine.register(new ArtifactRegistration("payments-api", "1.0.0", ArtifactKind.FILE,
                "application/java-archive", new Provenance("github.com/acme/payments", "9f1c2e7", "b1", "ci@tooling",
                        Clock.systemUTC().instant())),
                new ByteArrayInputStream("payments-api".getBytes(StandardCharsets.UTF_8)), CI).digest();
        for (String environment : List.of("dev", "staging", "prod")) {
            assertEquals(Status.PROMOTED, engine.promote(PromotionCommand.builder(digest, environment, CI).build())
                    .status(), environment);
        }
    }
}
