package dev.airlock.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.airlock.spi.Identity;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

class StsAuthenticatorOnMotoTest extends StsAuthenticatorTest {
    @Override
    TargetBase target() {
        return new MotoAws();
    }

    @Test
    void anIdentityCenterSession_isThePersonsEmail() {
        MotoAws moto = (MotoAws) aws;
        Credentials c;
        try (StsClient sts = moto.setupFactory.sts(StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "moto-ignores-this")), AwsTarget.REGION)) {
            c = sts.assumeRole(r -> r.roleArn("arn:aws:iam::111111111111:role/AWSReservedSSO_ReleaseManagers_0a1b2c3d")
                    .roleSessionName("rita@acme.example").durationSeconds(3600)).credentials();
        }
        AwsCredentialsProvider sso = StaticCredentialsProvider.create(AwsSessionCredentials.create(c.accessKeyId(),
                c.secretAccessKey(), c.sessionToken()));
        IdentityMapping mapping = IdentityMapping.of(List.of(new IdentityMapping.Rule(
                "arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_*/*", IdentityMapping.SESSION)));
        try (AwsBackend backend = AwsBackend.builder().configuration(aws.configuration().build()).landscape(aws.landscape)
                .baseCredentials(sso).clientFactory(aws.clients()).identities(mapping).build()) {
            Identity identity = backend.authenticator().authenticate();

            assertEquals("rita@acme.example", identity.principal());
            assertEquals("arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_ReleaseManagers_0a1b2c3d/rita@acme.example",
                    identity.caller());
        }
    }
}
