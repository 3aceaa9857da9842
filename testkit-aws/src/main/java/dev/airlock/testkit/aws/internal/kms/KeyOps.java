package dev.airlock.testkit.aws.internal.kms;

import dev.airlock.testkit.aws.internal.Caller;
import java.util.Set;
import software.amazon.awssdk.regions.Region;
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
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.PutKeyPolicyRequest;
import software.amazon.awssdk.services.kms.model.PutKeyPolicyResponse;

/** Creating keys, their key policies, aliases and enabling: what sets up a signing key. */
final class KeyOps {
    private static final Set<KeySpec> SPECS = Set.of(KeySpec.SYMMETRIC_DEFAULT, KeySpec.ECC_NIST_P256,
            KeySpec.RSA_2048, KeySpec.RSA_3072, KeySpec.RSA_4096);

    private final KmsStore store;

    KeyOps(KmsStore store) {
        this.store = store;
    }

    CreateKeyResponse create(Caller caller, Region region, CreateKeyRequest request) {
        KeySpec spec = request.keySpec() == null ? KeySpec.SYMMETRIC_DEFAULT : request.keySpec();
        if (!SPECS.contains(spec)) {
            throw new UnsupportedOperationException("FakeKmsClient does not model KeySpec " + request.keySpecAsString()
                    + "; modeled specs are " + SPECS);
        }
        KeyUsageType usage = request.keyUsage() == null ? KeyUsageType.ENCRYPT_DECRYPT : request.keyUsage();
        boolean valid = switch (spec) {
            case SYMMETRIC_DEFAULT -> usage == KeyUsageType.ENCRYPT_DECRYPT;
            case ECC_NIST_P256 -> usage == KeyUsageType.SIGN_VERIFY;
            default -> usage == KeyUsageType.SIGN_VERIFY || usage == KeyUsageType.ENCRYPT_DECRYPT;
        };
        if (!valid) {
            throw KmsStore.error("ValidationException", "KeyUsage " + request.keyUsageAsString()
                    + " is not compatible with KeySpec " + spec);
        }
        KmsKey key = store.create(caller, region, spec, usage, request.description() == null ? ""
                : request.description(), request.policy());
        return CreateKeyResponse.builder().keyMetadata(key.metadata()).build();
    }

    DescribeKeyResponse describe(Caller caller, Region region, DescribeKeyRequest request) {
        KmsKey key = store.authorized(caller, region, request.keyId(), "kms:DescribeKey");
        synchronized (store) {
            return DescribeKeyResponse.builder().keyMetadata(key.metadata()).build();
        }
    }

    PutKeyPolicyResponse putPolicy(Caller caller, Region region, PutKeyPolicyRequest request) {
        requireDefaultName(request.policyName());
        KmsKey key = store.authorized(caller, region, request.keyId(), "kms:PutKeyPolicy");
        if (request.policy() == null) {
            throw KmsStore.error("ValidationException", "1 validation error detected: Value null at 'policy' failed "
                    + "to satisfy constraint: Member must not be null");
        }
        store.putPolicy(key, request.policy());
        return PutKeyPolicyResponse.builder().build();
    }

    GetKeyPolicyResponse getPolicy(Caller caller, Region region, GetKeyPolicyRequest request) {
        requireDefaultName(request.policyName());
        KmsKey key = store.authorized(caller, region, request.keyId(), "kms:GetKeyPolicy");
        synchronized (store) {
            return GetKeyPolicyResponse.builder().policy(key.policy.text()).policyName("default").build();
        }
    }

    EnableKeyResponse enable(Caller caller, Region region, EnableKeyRequest request) {
        store.enable(store.authorized(caller, region, request.keyId(), "kms:EnableKey"), true);
        return EnableKeyResponse.builder().build();
    }

    DisableKeyResponse disable(Caller caller, Region region, DisableKeyRequest request) {
        store.enable(store.authorized(caller, region, request.keyId(), "kms:DisableKey"), false);
        return DisableKeyResponse.builder().build();
    }

    CreateAliasResponse alias(Caller caller, Region region, CreateAliasRequest request) {
        String name = request.aliasName();
        if (name == null || !name.matches("alias/[a-zA-Z0-9/_-]{1,250}") || name.startsWith("alias/aws/")) {
            throw KmsStore.error("ValidationException", "Alias must start with the prefix \"alias/\" and may not "
                    + "start with \"alias/aws/\"");
        }
        KmsKey key = store.authorized(caller, region, request.targetKeyId(), "kms:CreateAlias");
        store.alias(caller, region, name, key);
        return CreateAliasResponse.builder().build();
    }

    private static void requireDefaultName(String name) {
        if (name != null && !name.equals("default")) {
            throw KmsStore.error("NotFoundException", "Policy " + name + " is not found. The only valid policy name "
                    + "is \"default\"");
        }
    }
}
