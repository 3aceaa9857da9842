package dev.airlock.testkit.aws.internal.kms;

import dev.airlock.testkit.aws.internal.Policy;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.kms.model.EncryptionAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;

/**
 * One KMS key: real key material from the JDK (a P-256 or RSA key pair; none for a symmetric key, which
 * no operation here uses), its usage, its key policy and whether it is enabled. Guarded by the store's lock.
 */
final class KmsKey {
    final String id;
    final String account;
    final String region;
    final KeySpec spec;
    final KeyUsageType usage;
    final @Nullable KeyPair pair;
    final String description;
    final Instant created;
    Policy policy;
    boolean enabled = true;

    KmsKey(String id, String account, String region, KeySpec spec, KeyUsageType usage, String description,
            Instant created, Policy policy) {
        this.id = id;
        this.account = account;
        this.region = region;
        this.spec = spec;
        this.usage = usage;
        this.description = description;
        this.created = created;
        this.policy = policy;
        this.pair = generate(spec);
    }

    String arn() {
        return "arn:aws:kms:" + region + ":" + account + ":key/" + id;
    }

    boolean isEcc() {
        return spec == KeySpec.ECC_NIST_P256;
    }

    /** What KMS offers for this key: ECDSA for P-256 signing keys, PKCS#1 v1.5 and PSS for RSA signing keys. */
    List<SigningAlgorithmSpec> signingAlgorithms() {
        if (usage != KeyUsageType.SIGN_VERIFY) {
            return List.of();
        }
        return isEcc() ? List.of(SigningAlgorithmSpec.ECDSA_SHA_256) : List.of(
                SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256, SigningAlgorithmSpec.RSASSA_PSS_SHA_256);
    }

    List<EncryptionAlgorithmSpec> encryptionAlgorithms() {
        if (usage != KeyUsageType.ENCRYPT_DECRYPT) {
            return List.of();
        }
        return spec == KeySpec.SYMMETRIC_DEFAULT ? List.of(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT)
                : List.of(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256);
    }

    @SuppressWarnings("deprecation") // CustomerMasterKeySpec is deprecated, but AWS still returns it beside KeySpec
    KeyMetadata metadata() {
        return KeyMetadata.builder().awsAccountId(account).keyId(id).arn(arn()).creationDate(created)
                .enabled(enabled).description(description).keyUsage(usage)
                .keyState(enabled ? KeyState.ENABLED : KeyState.DISABLED).origin("AWS_KMS").keyManager("CUSTOMER")
                .keySpec(spec).customerMasterKeySpec(spec.toString()).signingAlgorithms(signingAlgorithms())
                .encryptionAlgorithms(encryptionAlgorithms()).multiRegion(false).build();
    }

    private static @Nullable KeyPair generate(KeySpec spec) {
        try {
            return switch (spec) {
                case ECC_NIST_P256 -> {
                    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                    generator.initialize(new ECGenParameterSpec("secp256r1"));
                    yield generator.generateKeyPair();
                }
                case RSA_2048, RSA_3072, RSA_4096 -> {
                    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                    generator.initialize(new RSAKeyGenParameterSpec(Integer.parseInt(spec.toString().substring(4)),
                            RSAKeyGenParameterSpec.F4));
                    yield generator.generateKeyPair();
                }
                default -> null;
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot generate a " + spec + " key", e);
        }
    }
}
