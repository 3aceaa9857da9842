package dev.airlock.aws;

import dev.airlock.environment.Region;
import dev.airlock.spi.AuthenticationException;
import dev.airlock.spi.Authenticator;
import dev.airlock.spi.Identity;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Who acts on AWS: {@code sts:GetCallerIdentity} on the base credentials (a call no IAM policy can
 * deny, which proves who holds them), mapped to a principal by the configuration's identities.
 */
final class StsAuthenticator implements Authenticator {
    /** The method recorded in every ledger entry, beside the caller's ARN. */
    static final String METHOD = "aws-sts";
    /** Where the mapping is configured, for messages. */
    static final String SECTION = "backend.aws.identities";

    private final AwsCredentialsProvider base;
    private final AwsClientFactory clients;
    private final Region region;
    private final IdentityMapping identities;

    StsAuthenticator(AwsCredentialsProvider base, AwsClientFactory clients, Region region, IdentityMapping identities) {
        this.base = base;
        this.clients = clients;
        this.region = region;
        this.identities = identities;
    }

    @Override
    public Identity authenticate() {
        String arn;
        try (StsClient sts = clients.sts(base, region)) {
            arn = sts.getCallerIdentity(r -> { }).arn();
        } catch (SdkException e) {
            throw new AuthenticationException("could not establish who acts: sts:GetCallerIdentity on the tooling "
                    + "account's credentials failed: " + e.getClass().getSimpleName(), e);
        }
        String principal = identities.principalOf(arn).orElseThrow(() -> new AuthenticationException("the caller "
                + arn + " is not mapped to a principal: add an ARN pattern that matches it, with the principal it "
                + "stands for, to " + SECTION + " in the configuration file (for example \"" + arn + "\": alice)"));
        return Identity.authenticated(principal, METHOD, arn);
    }

    @Override
    public String toString() {
        return "StsAuthenticator[" + identities + "]";
    }
}
