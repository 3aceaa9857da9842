package dev.airlock.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.spi.AuthenticationException;
import dev.airlock.spi.Identity;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Who acts on AWS is the caller {@code sts:GetCallerIdentity} reports, mapped by the configuration; a
 * caller the mapping does not know is refused, naming its ARN. Run on the in-memory AWS and on moto.
 */
abstract class StsAuthenticatorTest {
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
    void withNoMapping_everyCallerIsRefused() {
        try (AwsBackend backend = backend(IdentityMapping.none())) {
            assertThrows(AuthenticationException.class, () -> backend.authenticator().authenticate());
        }
    }
}
