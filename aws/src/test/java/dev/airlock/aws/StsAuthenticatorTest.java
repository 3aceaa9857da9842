package dev.airlock.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.artifact.ArtifactKind;
import dev.airlock.artifact.Digest;
import dev.airlock.artifact.Provenance;
import dev.airlock.attestation.InMemoryKeys;
import dev.airlock.guardrail.Guardrails;
import dev.airlock.guardrail.Principal;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.promotion.ArtifactRegistration;
import dev.airlock.promotion.PromotionEngine;
import dev.airlock.spi.AuthenticationException;
import dev.airlock.spi.Identity;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Who acts on AWS is the caller {@code sts:GetCallerIdentity} reports, mapped by the configuration; a
 * caller the mapping does not know is refused, naming its ARN. Run on the in-memory AWS and on moto.
 */
abstract class StsAuthenticatorTest {
    /** Every principal's and builder's signing key, made on first use. */
    private static final InMemoryKeys KEYS = new InMemoryKeys();

    final TargetBase aws = target();

    abstract TargetBase target();

    @AfterEach
    void close() {
        aws.close();
    }

    AwsBackend backend(IdentityMapping identities) {
        AwsBackend backend = AwsBackend.builder().configuration(aws.configuration().build()).landscape(aws.landscape)
                .baseCredentials(aws.base()).clientFactory(aws.clients()).identities(identities).build();
        return backend;
    }

    String callerArn() {
        return aws.sts(aws.base()).getCallerIdentity().arn();
    }

    @Test
    void aMappedCaller_isItsPrincipal_withItsArnAsEvidence() {
        String arn = callerArn();
        try (AwsBackend backend = backend(IdentityMapping.of(List.of(new IdentityMapping.Rule(arn, "ci@tooling"))))) {
            Identity identity = backend.authenticator().authenticate();

            assertEquals(Identity.authenticated("ci@tooling", "aws-sts", arn), identity);
        }
    }

    @Test
    void anUnmappedCaller_isRefusedNamingItsArnAndTheSectionToEdit() {
        String arn = callerArn();
        try (AwsBackend backend = backend(IdentityMapping.of(List.of(new IdentityMapping.Rule(
                "arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_*/*", IdentityMapping.SESSION))))) {
            AuthenticationException refused = assertThrows(AuthenticationException.class,
                    () -> backend.authenticator().authenticate());

            assertTrue(refused.getMessage().contains(arn), refused.getMessage());
            assertTrue(refused.getMessage().contains("backend.aws.identities"), refused.getMessage());
        }
    }

    @Test
    void approvingUnderAnotherName_isRefused_andTheS3LedgerRecordsTheCallersArn() {
        aws.withStorage();
        String arn = callerArn();
        try (AwsBackend backend = backend(IdentityMapping.of(List.of(new IdentityMapping.Rule(arn, "rita"))))) {
            PromotionEngine engine = PromotionEngine.builder().keyring(KEYS).signers(KEYS).landscape(aws.landscape)
                    .guardrails(Guardrails.of(aws.landscape, List.of(), Map.of("release-managers", List.of("rita", "rob"))))
                    .backend(backend).authenticator(backend.authenticator()).build();
            Principal rita = Principal.of("rita", "release-managers");
            Digest digest = engine.register(new ArtifactRegistration("payments-api", "1.0.0", ArtifactKind.FILE,
                    "application/java-archive", new Provenance("github.com/acme/payments", "9f1c2e7", "build-1",
                            "ci@tooling", Instant.now())),
                    new ByteArrayInputStream("payments-api 1.0.0".getBytes(StandardCharsets.UTF_8)), rita).digest();

            AuthenticationException refused = assertThrows(AuthenticationException.class,
                    () -> engine.approve(digest, "prod", Principal.of("rob", "release-managers")));

            assertTrue(refused.getMessage().contains("'rob'") && refused.getMessage().contains("'rita'"),
                    refused.getMessage());
            List<LedgerEntry> entries = backend.ledger().read(1);
            assertEquals(1, entries.size(), entries.toString());
            assertEquals("aws-sts", entries.get(0).detail("authenticatedBy"));
            assertEquals(arn, entries.get(0).detail("caller"));
        }
    }

    @Test
    void withNoMapping_everyCallerIsRefused() {
        try (AwsBackend backend = backend(IdentityMapping.none())) {
            assertThrows(AuthenticationException.class, () -> backend.authenticator().authenticate());
        }
    }
}
