package dev.airlock.testkit.aws.internal.iam;

import dev.airlock.testkit.aws.AwsService;
import dev.airlock.testkit.aws.IamRole;
import dev.airlock.testkit.aws.TrustPolicy;
import dev.airlock.testkit.aws.internal.Caller;
import dev.airlock.testkit.aws.internal.Calls;
import dev.airlock.testkit.aws.internal.ServiceErrors;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.GetRoleRequest;
import software.amazon.awssdk.services.iam.model.GetRoleResponse;
import software.amazon.awssdk.services.iam.model.GetRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.GetRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.Role;

/**
 * Reading roles, as {@code airlock doctor} does: GetRole (its trust policy) and GetRolePolicy (its one inline
 * policy, {@value IamRole#INLINE_POLICY_NAME}, the permissions policy). Documents come back URL-encoded, as
 * IAM sends them. IAM reads stay within the caller's account, and the caller's policies must allow them.
 */
public final class FakeIamClient implements IamClient {
    private static final Set<String> ROLE = Set.of("RoleName");
    private static final Set<String> ROLE_POLICY = Set.of("RoleName", "PolicyName");

    private final Calls calls;
    private final Calls.Client client;

    public FakeIamClient(Calls calls, Calls.Client client) {
        this.calls = calls;
        this.client = client;
    }

    @Override
    public GetRoleResponse getRole(GetRoleRequest request) {
        return calls.run(client, "GetRole", request, ROLE, caller -> {
            IamRole role = role(caller, request.roleName(), "iam:GetRole");
            String trust = role.trustDocument() != null ? role.trustDocument() : render(role.trust());
            return GetRoleResponse.builder().role(Role.builder().roleName(role.name()).arn(role.arn().toString())
                    .path("/").roleId(calls.iam().roleId(role.arn().toString()))
                    .assumeRolePolicyDocument(URLEncoder.encode(trust, StandardCharsets.UTF_8))
                    .maxSessionDuration((int) role.maxSessionDuration().toSeconds()).build()).build();
        });
    }

    @Override
    public GetRolePolicyResponse getRolePolicy(GetRolePolicyRequest request) {
        return calls.run(client, "GetRolePolicy", request, ROLE_POLICY, caller -> {
            IamRole role = role(caller, request.roleName(), "iam:GetRolePolicy");
            if (!IamRole.INLINE_POLICY_NAME.equals(request.policyName()) || role.permissionsPolicy() == null) {
                throw noSuchEntity("The role policy with name " + request.policyName() + " cannot be found.");
            }
            return GetRolePolicyResponse.builder().roleName(role.name()).policyName(request.policyName())
                    .policyDocument(URLEncoder.encode(role.permissionsPolicy(), StandardCharsets.UTF_8)).build();
        });
    }

    private IamRole role(Caller caller, String name, String action) {
        String arn = "arn:aws:iam::" + caller.account() + ":role/" + name;
        if (calls.iam().scpDenial(caller, action, arn) != null
                || calls.iam().identityDecision(caller, action, arn) != dev.airlock.testkit.aws.internal.Policy.Decision.ALLOW) {
            throw ServiceErrors.of(AwsService.IAM, 403, "AccessDenied", "User: " + caller.arn()
                    + " is not authorized to perform: " + action + " on resource: role " + name + " "
                    + calls.iam().denialReason(caller, action, arn, null));
        }
        return calls.iam().role(arn).orElseThrow(() -> noSuchEntity("The role with name " + name + " cannot be found."));
    }

    private static AwsServiceException noSuchEntity(String message) {
        return ServiceErrors.of(AwsService.IAM, 404, "NoSuchEntity", message);
    }

    /** A structured trust policy as the document IAM would hold for it. */
    private static String render(TrustPolicy trust) {
        StringBuilder principals = new StringBuilder();
        for (String principal : trust.principals()) {
            principals.append(principals.length() == 0 ? "" : ",").append('"').append(principal).append('"');
        }
        String condition = trust.externalId() == null ? ""
                : ",\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"" + trust.externalId() + "\"}}";
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":["
                + principals + "]},\"Action\":\"sts:AssumeRole\"" + condition + "}]}";
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
        client.close();
    }
}
