package dev.airlock.testkit.aws.contract;

import static dev.airlock.testkit.aws.contract.AwsContractTarget.TOOLING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.attestation.Envelope;
import dev.airlock.attestation.KeyAlgorithm;
import dev.airlock.attestation.Keyring;
import dev.airlock.attestation.PublicKeys;
import dev.airlock.attestation.TrustedKey;
import dev.airlock.attestation.Verification;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.GetPublicKeyResponse;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.SignResponse;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;

/**
 * The KMS behaviours Airlock's KMS signer and the in-memory KMS rely on, as AWS has them: signing keys are
 * created with a spec and usage, their public half is published, and a signature by {@code kms:Sign}
 * verifies offline, with the JDK, against that public key (an attestation's DSSE envelope verifies in
 * core's keyring for the key's owner, and for no one else).
 *
 * <p>To run it against an implementation, subclass it in test sources and implement
 * {@link #createTarget()}, with a target that overrides {@link AwsContractTarget#kms}. Keys are made in the
 * tooling account with {@link AwsContractTarget#account}'s credentials.
 */
public abstract class KmsContract extends AwsContract {
    /** A DSSE payload type, as Airlock signs in-toto statements. */
    protected static final String PAYLOAD_TYPE = "application/vnd.in-toto+json";

    /** A client acting as the tooling account, in {@link AwsContractTarget#REGION}. */
    protected final KmsClient kms() {
        return target().kms(target().account(TOOLING));
    }

    /** Creates a key of {@code spec} for {@code usage}, returning its metadata. */
    protected final KeyMetadata createKey(KeySpec spec, KeyUsageType usage) {
        return kms().createKey(r -> r.keySpec(spec).keyUsage(usage).description("contract")).keyMetadata();
    }

    /** The key's public half, as core parses it from the DER KMS returns. */
    protected final PublicKey publicKey(String keyId) {
        return PublicKeys.parse(Base64.getEncoder().encodeToString(
                kms().getPublicKey(r -> r.keyId(keyId)).publicKey().asByteArray()));
    }

    /** A DSSE envelope of {@code payload}, its pre-authentication encoding signed by KMS with {@code RAW}. */
    protected final Envelope signedEnvelope(String keyId, SigningAlgorithmSpec algorithm, String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        SignResponse signed = kms().sign(r -> r.keyId(keyId).signingAlgorithm(algorithm)
                .message(SdkBytes.fromByteArray(Envelope.pae(PAYLOAD_TYPE, bytes))));
        return new Envelope(PAYLOAD_TYPE, bytes, List.of(new Envelope.Signature(keyId,
                signed.signature().asByteArray())));
    }

    @Test
    void createKey_eccSigningKey_isEnabledWithItsSpecAndUsage() {
        KeyMetadata key = createKey(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY);

        assertEquals(KeySpec.ECC_NIST_P256, key.keySpec());
        assertEquals(KeyUsageType.SIGN_VERIFY, key.keyUsage());
        assertEquals(KeyState.ENABLED, key.keyState());
        assertEquals("arn:aws:kms:" + AwsContractTarget.REGION.id() + ":" + key.awsAccountId() + ":key/" + key.keyId(),
                key.arn());
        assertEquals(List.of(SigningAlgorithmSpec.ECDSA_SHA_256), key.signingAlgorithms());
        assertEquals(KeySpec.ECC_NIST_P256, kms().describeKey(r -> r.keyId(key.keyId())).keyMetadata().keySpec());
    }

    @Test
    void getPublicKey_ofAnEccKey_isAP256KeyForEcdsa() {
        KeyMetadata key = createKey(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY);

        GetPublicKeyResponse response = kms().getPublicKey(r -> r.keyId(key.keyId()));

        assertEquals(KeyUsageType.SIGN_VERIFY, response.keyUsage());
        assertEquals(List.of(SigningAlgorithmSpec.ECDSA_SHA_256), response.signingAlgorithms());
        assertEquals(KeyAlgorithm.ECDSA_P256_SHA256, KeyAlgorithm.of(publicKey(key.keyId())));
    }

    @Test
    void getPublicKey_ofAnRsaKey_isAnRsaKeyThatSignsWithPss() {
        KeyMetadata key = createKey(KeySpec.RSA_2048, KeyUsageType.SIGN_VERIFY);

        GetPublicKeyResponse response = kms().getPublicKey(r -> r.keyId(key.arn()));

        assertTrue(response.signingAlgorithms().contains(SigningAlgorithmSpec.RSASSA_PSS_SHA_256),
                response.signingAlgorithmsAsStrings()::toString);
        assertEquals(KeyAlgorithm.RSA_PSS_SHA256, KeyAlgorithm.of(publicKey(key.keyId())));
    }

    @Test
    void sign_withAnEccKey_verifiesInCoreForTheKeysOwner() {
        KeyMetadata key = createKey(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY);
        Keyring keyring = Keyring.of(List.of(new TrustedKey("rob", publicKey(key.keyId()))));

        Envelope envelope = signedEnvelope(key.keyId(), SigningAlgorithmSpec.ECDSA_SHA_256, "{\"approved\":true}");

        assertEquals(Verification.verified(PublicKeys.keyId(publicKey(key.keyId()))), keyring.verify(envelope, "rob"));
        assertTrue(keyring.verify(Envelope.parse(envelope.toJson()), "rob").counted(), "survives its JSON form");
    }

    @Test
    void sign_answersWithTheKeyArnAndTheAlgorithm() {
        KeyMetadata key = createKey(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY);

        SignResponse signed = kms().sign(r -> r.keyId(key.keyId()).signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)
                .message(SdkBytes.fromUtf8String("m")));

        assertEquals(key.arn(), signed.keyId());
        assertEquals(SigningAlgorithmSpec.ECDSA_SHA_256, signed.signingAlgorithm());
    }

    @Test
    void aSignatureByAnotherKey_doesNotVerifyForThisKeysOwner() {
        KeyMetadata rob = createKey(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY);
        KeyMetadata rae = createKey(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY);
        Keyring keyring = Keyring.of(List.of(new TrustedKey("rob", publicKey(rob.keyId())),
                new TrustedKey("rae", publicKey(rae.keyId()))));

        Envelope byRae = signedEnvelope(rae.keyId(), SigningAlgorithmSpec.ECDSA_SHA_256, "{\"approved\":true}");

        assertEquals(Verification.notCounted("signed with rae's key, not rob's"), keyring.verify(byRae, "rob"));
        assertTrue(keyring.verify(byRae, "rae").counted());
    }

    @Test
    void verify_acceptsTheKeysOwnSignature() {
        KeyMetadata key = createKey(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY);
        SdkBytes message = SdkBytes.fromUtf8String("approved");
        SdkBytes signature = kms().sign(r -> r.keyId(key.keyId()).message(message)
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)).signature();

        assertTrue(kms().verify(r -> r.keyId(key.keyId()).message(message).signature(signature)
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)).signatureValid());
    }

    @Test
    void putKeyPolicy_isWhatGetKeyPolicyReturns() {
        KeyMetadata key = createKey(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY);
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"admins\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + key.awsAccountId() + ":root\"},\"Action\":\"kms:*\","
                + "\"Resource\":\"*\"}]}";

        kms().putKeyPolicy(r -> r.keyId(key.keyId()).policyName("default").policy(policy));

        assertEquals(policy, kms().getKeyPolicy(r -> r.keyId(key.keyId()).policyName("default")).policy());
    }

    @Test
    void sign_withAMissingKey_isNotFound() {
        Expect.awsError(400, "NotFoundException", () -> kms().sign(r -> r.keyId("0c6a3b7e-1b2c-4d5e-8f90-123456789abc")
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256).message(SdkBytes.fromUtf8String("m"))));
    }

    @Test
    void sign_withAnEncryptionKey_isRefused() {
        KeyMetadata key = createKey(KeySpec.RSA_2048, KeyUsageType.ENCRYPT_DECRYPT);

        // AWS answers InvalidKeyUsageException; moto a ValidationException.
        Expect.awsErrorOneOf(400, Set.of("InvalidKeyUsageException", "ValidationException"), () -> kms().sign(
                r -> r.keyId(key.keyId()).signingAlgorithm(SigningAlgorithmSpec.RSASSA_PSS_SHA_256)
                        .message(SdkBytes.fromUtf8String("m"))));
        assertEquals(KeyUsageType.ENCRYPT_DECRYPT, kms().getPublicKey(r -> r.keyId(key.keyId())).keyUsage());
    }

    @Test
    void sign_withAnAlgorithmTheKeyDoesNotOffer_isRefused() {
        KeyMetadata key = createKey(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY);

        Expect.awsErrorOneOf(400, Set.of("InvalidKeyUsageException", "ValidationException"), () -> kms().sign(
                r -> r.keyId(key.keyId()).signingAlgorithm(SigningAlgorithmSpec.RSASSA_PSS_SHA_256)
                        .message(SdkBytes.fromUtf8String("m"))));
    }

    @Test
    void anAlias_namesItsKey() {
        KeyMetadata key = createKey(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY);

        kms().createAlias(r -> r.aliasName("alias/airlock-rob").targetKeyId(key.keyId()));

        assertEquals(key.keyId(), kms().describeKey(r -> r.keyId("alias/airlock-rob")).keyMetadata().keyId());
        Expect.awsError(400, "NotFoundException", () -> kms().describeKey(r -> r.keyId("alias/airlock-nobody")));
    }
}
