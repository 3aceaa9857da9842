package dev.airlock.testkit.aws.internal.kms;

import dev.airlock.testkit.aws.internal.Calls;
import java.util.Set;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.KmsServiceClientConfiguration;
import software.amazon.awssdk.services.kms.model.CreateAliasRequest;
import software.amazon.awssdk.services.kms.model.CreateAliasResponse;
import software.amazon.awssdk.services.kms.model.CreateKeyRequest;
import software.amazon.awssdk.services.kms.model.CreateKeyResponse;
import software.amazon.awssdk.services.kms.model.DescribeKeyRequest;
import software.amazon.awssdk.services.kms.model.DescribeKeyResponse;
import software.amazon.awssdk.services.kms.model.DisableKeyRequest;
import software.amazon.awssdk.services.kms.model.DisableKeyResponse;
import software.amazon.awssdk.services.kms.model.EnableKeyRequest;
import software.amazon.awssdk.services.kms.model.EnableKeyResponse;
import software.amazon.awssdk.services.kms.model.GetKeyPolicyRequest;
import software.amazon.awssdk.services.kms.model.GetKeyPolicyResponse;
import software.amazon.awssdk.services.kms.model.GetPublicKeyRequest;
import software.amazon.awssdk.services.kms.model.GetPublicKeyResponse;
import software.amazon.awssdk.services.kms.model.PutKeyPolicyRequest;
import software.amazon.awssdk.services.kms.model.PutKeyPolicyResponse;
import software.amazon.awssdk.services.kms.model.SignRequest;
import software.amazon.awssdk.services.kms.model.SignResponse;
import software.amazon.awssdk.services.kms.model.VerifyRequest;
import software.amazon.awssdk.services.kms.model.VerifyResponse;

/**
 * The KMS operations that set up and use a signing key, bound to one set of credentials and one region.
 * Each operation lists the request fields it models; a request setting any other field fails loudly.
 */
public final class FakeKmsClient implements KmsClient {
    private static final Set<String> KEY = Set.of("KeyId");
    private static final Set<String> CREATE_FIELDS = Set.of("KeySpec", "KeyUsage", "Description", "Policy");
    private static final Set<String> SIGN_FIELDS = Set.of("KeyId", "Message", "MessageType", "SigningAlgorithm");
    private static final Set<String> VERIFY_FIELDS = Set.of("KeyId", "Message", "MessageType", "Signature",
            "SigningAlgorithm");
    private static final Set<String> PUT_POLICY_FIELDS = Set.of("KeyId", "Policy", "PolicyName");
    private static final Set<String> GET_POLICY_FIELDS = Set.of("KeyId", "PolicyName");
    private static final Set<String> ALIAS_FIELDS = Set.of("AliasName", "TargetKeyId");

    private final Calls calls;
    private final Calls.Client client;
    private final KeyOps keys;
    private final SigningOps signing;

    public FakeKmsClient(Calls calls, Calls.Client client, KmsStore store) {
        this.calls = calls;
        this.client = client;
        this.keys = new KeyOps(store);
        this.signing = new SigningOps(store);
    }

    @Override
    public CreateKeyResponse createKey(CreateKeyRequest request) {
        return calls.run(client, "CreateKey", request, CREATE_FIELDS,
                caller -> keys.create(caller, client.region(), request));
    }

    @Override
    public DescribeKeyResponse describeKey(DescribeKeyRequest request) {
        return calls.run(client, "DescribeKey", request, KEY, caller -> keys.describe(caller, client.region(), request));
    }

    @Override
    public PutKeyPolicyResponse putKeyPolicy(PutKeyPolicyRequest request) {
        return calls.run(client, "PutKeyPolicy", request, PUT_POLICY_FIELDS,
                caller -> keys.putPolicy(caller, client.region(), request));
    }

    @Override
    public GetKeyPolicyResponse getKeyPolicy(GetKeyPolicyRequest request) {
        return calls.run(client, "GetKeyPolicy", request, GET_POLICY_FIELDS,
                caller -> keys.getPolicy(caller, client.region(), request));
    }

    @Override
    public EnableKeyResponse enableKey(EnableKeyRequest request) {
        return calls.run(client, "EnableKey", request, KEY, caller -> keys.enable(caller, client.region(), request));
    }

    @Override
    public DisableKeyResponse disableKey(DisableKeyRequest request) {
        return calls.run(client, "DisableKey", request, KEY, caller -> keys.disable(caller, client.region(), request));
    }

    @Override
    public CreateAliasResponse createAlias(CreateAliasRequest request) {
        return calls.run(client, "CreateAlias", request, ALIAS_FIELDS,
                caller -> keys.alias(caller, client.region(), request));
    }

    @Override
    public GetPublicKeyResponse getPublicKey(GetPublicKeyRequest request) {
        return calls.run(client, "GetPublicKey", request, KEY,
                caller -> signing.publicKey(caller, client.region(), request));
    }

    @Override
    public SignResponse sign(SignRequest request) {
        return calls.run(client, "Sign", request, SIGN_FIELDS, caller -> signing.sign(caller, client.region(), request));
    }

    @Override
    public VerifyResponse verify(VerifyRequest request) {
        return calls.run(client, "Verify", request, VERIFY_FIELDS,
                caller -> signing.verify(caller, client.region(), request));
    }

    @Override
    public KmsServiceClientConfiguration serviceClientConfiguration() {
        return KmsServiceClientConfiguration.builder().region(client.region()).credentialsProvider(client.credentials())
                .build();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "FakeKmsClient[" + client.region() + "]";
    }
}
