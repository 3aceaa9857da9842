package dev.airlock.testkit.aws.internal.sts;

import dev.airlock.testkit.aws.internal.Unimplemented;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsServiceClientConfiguration;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithSamlRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithSamlResponse;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.services.sts.model.AssumeRootRequest;
import software.amazon.awssdk.services.sts.model.AssumeRootResponse;
import software.amazon.awssdk.services.sts.model.DecodeAuthorizationMessageRequest;
import software.amazon.awssdk.services.sts.model.DecodeAuthorizationMessageResponse;
import software.amazon.awssdk.services.sts.model.GetAccessKeyInfoRequest;
import software.amazon.awssdk.services.sts.model.GetAccessKeyInfoResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.GetDelegatedAccessTokenRequest;
import software.amazon.awssdk.services.sts.model.GetDelegatedAccessTokenResponse;
import software.amazon.awssdk.services.sts.model.GetFederationTokenRequest;
import software.amazon.awssdk.services.sts.model.GetFederationTokenResponse;
import software.amazon.awssdk.services.sts.model.GetSessionTokenRequest;
import software.amazon.awssdk.services.sts.model.GetSessionTokenResponse;
import software.amazon.awssdk.services.sts.model.GetWebIdentityTokenRequest;
import software.amazon.awssdk.services.sts.model.GetWebIdentityTokenResponse;

/**
 * Every method of the SDK's {@link StsClient} (AWS SDK for Java 2.57.8) whose default body throws a bare
 * {@link UnsupportedOperationException}, overridden to throw one that names the operation;
 * {@link FakeStsClient} overrides the operations it implements. Convenience overloads (builder consumers,
 * paths, paginators) keep their defaults, which delegate to these. Written by the testkit's
 * {@code UnimplementedOperationsSource}; {@code UnimplementedOperationsTest} fails when an SDK upgrade
 * adds a method missing here.
 */
public abstract class UnimplementedStsOperations implements StsClient {
    @Override
    public AssumeRoleResponse assumeRole(AssumeRoleRequest request) {
        throw Unimplemented.operation(this, "AssumeRole");
    }

    @Override
    public AssumeRoleWithSamlResponse assumeRoleWithSAML(AssumeRoleWithSamlRequest request) {
        throw Unimplemented.operation(this, "AssumeRoleWithSAML");
    }

    @Override
    public AssumeRoleWithWebIdentityResponse assumeRoleWithWebIdentity(AssumeRoleWithWebIdentityRequest request) {
        throw Unimplemented.operation(this, "AssumeRoleWithWebIdentity");
    }

    @Override
    public AssumeRootResponse assumeRoot(AssumeRootRequest request) {
        throw Unimplemented.operation(this, "AssumeRoot");
    }

    @Override
    public DecodeAuthorizationMessageResponse decodeAuthorizationMessage(DecodeAuthorizationMessageRequest request) {
        throw Unimplemented.operation(this, "DecodeAuthorizationMessage");
    }

    @Override
    public GetAccessKeyInfoResponse getAccessKeyInfo(GetAccessKeyInfoRequest request) {
        throw Unimplemented.operation(this, "GetAccessKeyInfo");
    }

    @Override
    public GetCallerIdentityResponse getCallerIdentity(GetCallerIdentityRequest request) {
        throw Unimplemented.operation(this, "GetCallerIdentity");
    }

    @Override
    public GetDelegatedAccessTokenResponse getDelegatedAccessToken(GetDelegatedAccessTokenRequest request) {
        throw Unimplemented.operation(this, "GetDelegatedAccessToken");
    }

    @Override
    public GetFederationTokenResponse getFederationToken(GetFederationTokenRequest request) {
        throw Unimplemented.operation(this, "GetFederationToken");
    }

    @Override
    public GetSessionTokenResponse getSessionToken(GetSessionTokenRequest request) {
        throw Unimplemented.operation(this, "GetSessionToken");
    }

    @Override
    public GetWebIdentityTokenResponse getWebIdentityToken(GetWebIdentityTokenRequest request) {
        throw Unimplemented.operation(this, "GetWebIdentityToken");
    }

    @Override
    public StsServiceClientConfiguration serviceClientConfiguration() {
        throw Unimplemented.operation(this, "serviceClientConfiguration()");
    }
}
