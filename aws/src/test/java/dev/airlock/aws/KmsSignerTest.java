package dev.airlock.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.AirlockException;
import dev.airlock.attestation.Envelope;
import dev.airlock.attestation.KeyAlgorithm;
import dev.airlock.attestation.Keyring;
import dev.airlock.attestation.PublicKeys;
import dev.airlock.attestation.TrustedKey;
import dev.airlock.attestation.Verification;
import dev.airlock.environment.Region;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;

/**
 * Attestations signed with KMS keys through {@link AwsBackend#remoteSigner}: the DSSE envelope a
 * {@link KmsSigner} signs verifies offline in core for the key's owner and nobody else, whichever way the
 * key is named; keys that cannot sign fail when the signer is made, naming the key and the fix. Run on
 * the in-memory AWS and on moto.
 */
abstract class KmsSignerTest {
    static final String TYPE = "application/vnd.in-toto+json";
    static final byte[] PAYLOAD = "{\"_type\":\"https://in-toto.io/Statement/v1\"}".getBytes(StandardCharsets.UTF_8);

    final TargetBase aws = target();
    final AwsBackend backend = aws.backend(aws.configuration().build());

    abstract TargetBase target();

    @AfterEach
    void close() {
        aws.close();
    }

    KeyMetadata key(KeySpec spec, KeyUsageType usage) {
        return key(spec, usage, AwsTarget.REGION);
    }

    KeyMetadata key(KeySpec spec, KeyUsageType usage, Region region) {
        try (KmsClient kms = aws.kms(AwsTarget.TOOLING, region)) {
            return kms.createKey(r -> r.keySpec(spec).keyUsage(usage)).keyMetadata();
        }
    }

    static Keyring robsKeyring(KmsPublicKey key) {
        return Keyring.of(List.of(new TrustedKey("rob", key.publicKey())));
    }

    @Test
    void anEnvelopeSignedWithAnEccKey_verifiesInCoreForItsOwner() {
        KeyMetadata key = key(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY);
        KmsSigner signer = backend.remoteSigner(key.arn());

        Envelope envelope = Envelope.sign(TYPE, PAYLOAD, signer);

        assertEquals(KeyAlgorithm.ECDSA_P256_SHA256, signer.algorithm());
        KmsPublicKey pinned = backend.kmsPublicKey(key.arn());
        assertEquals(Verification.verified(pinned.keyId()), robsKeyring(pinned).verify(envelope, "rob"));
        assertEquals(signer.keyId(), envelope.signatures().get(0).keyId());
    }

    @Test
    void thePinnedPem_isTheKeyThatVerifies() {
        KeyMetadata key = key(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY);
        String pem = backend.kmsPublicKey(key.keyId()).pem();

        Keyring keyring = Keyring.of(List.of(new TrustedKey("rob", PublicKeys.parse(pem))));

        assertTrue(keyring.verify(Envelope.sign(TYPE, PAYLOAD, backend.remoteSigner(key.keyId())), "rob").counted());
    }

    @Test
    void theKeyringEntry_bindsTheOwnerToThePublicKeyAndNamesTheKmsKey() {
        KeyMetadata key = key(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY);
        KmsPublicKey pinned = backend.kmsPublicKey(key.arn());

        assertEquals("  - owner: \"rob\"\n    publicKey: " + PublicKeys.base64(pinned.publicKey()) + "\n    kms: "
                + key.arn() + "\n", pinned.keyringEntry("rob"));
    }

    @Test
    void aSignatureByAnotherKmsKey_doesNotCountForThisOwner() {
        KmsPublicKey rob = backend.kmsPublicKey(key(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY).arn());
        KeyMetadata rae = key(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY);
        Keyring keyring = Keyring.of(List.of(rob.trustedKey("rob"), backend.kmsPublicKey(rae.arn()).trustedKey("rae")));

        Envelope byRae = Envelope.sign(TYPE, PAYLOAD, backend.remoteSigner(rae.arn()));

        assertEquals(Verification.notCounted("signed with rae's key, not rob's"), keyring.verify(byRae, "rob"));
    }

    @Test
    void keyIdsAndAliases_areInTheHomeRegion_andAnArnInItsOwnRegion() {
        KeyMetadata home = key(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY);
        KeyMetadata elsewhere = key(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY, Region.of("us-west-2"));
        try (KmsClient kms = aws.kms(AwsTarget.TOOLING, AwsTarget.REGION)) {
            kms.createAlias(r -> r.aliasName("alias/airlock-rob").targetKeyId(home.keyId()));
        }

        assertTrue(robsKeyring(backend.kmsPublicKey(home.arn()))
                .verify(Envelope.sign(TYPE, PAYLOAD, backend.remoteSigner("alias/airlock-rob")), "rob").counted());
        assertTrue(robsKeyring(backend.kmsPublicKey(elsewhere.arn()))
                .verify(Envelope.sign(TYPE, PAYLOAD, backend.remoteSigner(elsewhere.arn())), "rob").counted());
        AirlockException missing = assertThrows(AirlockException.class, () -> backend.remoteSigner(elsewhere.keyId()));
        assertTrue(missing.getMessage().contains("KMS key " + elsewhere.keyId() + " was not found"), missing.getMessage());
    }

    @Test
    void anEncryptionKey_isRefusedWhenTheSignerIsMade_namingTheKeyAndTheUsageItNeeds() {
        KeyMetadata key = key(KeySpec.RSA_2048, KeyUsageType.ENCRYPT_DECRYPT);

        AirlockException refused = assertThrows(AirlockException.class, () -> backend.remoteSigner(key.arn()));

        assertTrue(refused.getMessage().contains(key.arn()) && refused.getMessage().contains("SIGN_VERIFY"),
                refused.getMessage());
    }

    @Test
    void aMalformedKeyReference_isRefusedBeforeAnyCall() {
        assertThrows(dev.airlock.InvalidValueException.class, () -> backend.remoteSigner("not a key"));
    }

    @Test
    void neitherToStringNorExceptions_carryKeyMaterialOrCredentials() {
        KeyMetadata key = key(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY);
        KmsSigner signer = backend.remoteSigner(key.arn());
        AirlockException missing = assertThrows(AirlockException.class,
                () -> backend.remoteSigner("arn:aws:kms:eu-central-1:111111111111:key/0c6a3b7e-1b2c-4d5e-8f90-123456789abc"));
        AwsCredentialsIdentity base = aws.base().resolveIdentity().join();
        String publicKey = PublicKeys.base64(signer.publicKey().publicKey());

        for (String text : List.of(signer.toString(), signer.publicKey().toString(), backend.toString(),
                String.valueOf(missing.getMessage()), String.valueOf(missing.getCause()))) {
            assertFalse(text.contains(base.secretAccessKey()), text);
            assertFalse(text.contains(base.accessKeyId()), text);
            assertFalse(text.contains(publicKey.substring(30, 60)), text);
        }
        assertTrue(signer.toString().contains(key.arn()), signer.toString());
    }

    @Test
    void theSignerIsMadeOncePerKey() {
        KeyMetadata key = key(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY);

        assertTrue(backend.remoteSigner(key.arn()) == backend.remoteSigner(key.arn()));
    }
}
