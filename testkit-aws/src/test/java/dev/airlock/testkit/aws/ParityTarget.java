package dev.airlock.testkit.aws;

import java.time.Instant;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * What a parity test runs against: the in-memory world or moto_server, seen only through SDK clients
 * and a few identities. The landscape is {@link TestLandscape}'s (tooling, staging and prod accounts, a CI
 * user, a hub role, deploy roles); on moto its roles need not exist, because moto lets anyone assume any
 * role and acts in the role's account.
 */
abstract class ParityTarget implements AwsClients, AutoCloseable {

    /** Base credentials, the start of every role chain. */
    abstract AwsCredentialsProvider ci();

    /** The ARN GetCallerIdentity reports for {@link #ci()}. */
    abstract String ciArn();

    /** The account {@link #ci()} acts in. */
    abstract String ciAccount();

    /** Credentials that may do anything in {@code account}: its root on the fake, an assumed role on moto. */
    abstract AwsCredentialsProvider account(String account);

    /** How a test makes blobs available in a repository before pushing a manifest. */
    abstract Images.BlobPush blobs();

    /** The target's notion of now, for retention dates. */
    abstract Instant now();

    /** Credentials of the hub role, assumed by the CI user. */
    final AwsCredentialsProvider hub() {
        return TestLandscape.credentials(sts(ci()).assumeRole(r -> r.roleArn(TestLandscape.HUB)
                .roleSessionName("build-42")));
    }

    /** Credentials of an environment's deploy role, by the chain CI user, hub, deploy role. */
    final AwsCredentialsProvider deploy(String roleArn) {
        return TestLandscape.credentials(sts(hub()).assumeRole(r -> r.roleArn(roleArn).roleSessionName("promotion-7")
                .externalId(roleArn.equals(TestLandscape.PROD_DEPLOY) ? TestLandscape.PROD_EXTERNAL_ID : null)));
    }

    @Override
    public void close() {
    }
}
