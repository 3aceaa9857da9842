package dev.airlock.aws;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.airlock.attestation.Envelope;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;

/**
 * {@link KmsSignerTest} on moto, and where moto's KMS differs from AWS, what that means for KMS signers
 * tested on it (the in-memory KMS has these as AWS does): an envelope over 4096 bytes, which the signer
 * sends as a DIGEST, and any RSA signature do not verify, because moto hashes digests again and pads PSS
 * with the longest salt. Should one of these fail, moto has changed: move the case into the shared tests.
 */
class KmsSignerOnMotoTest extends KmsSignerTest {
    @Override
    TargetBase target() {
        return new MotoAws();
    }

    @Test
    void moto_largeEnvelopes_andRsaSignatures_doNotVerify() {
        KeyMetadata ecc = key(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY);
        KeyMetadata rsa = key(KeySpec.RSA_2048, KeyUsageType.SIGN_VERIFY);
        byte[] large = "x".repeat(KmsSigner.RAW_LIMIT).getBytes(StandardCharsets.UTF_8);

        assertFalse(robsKeyring(backend.kmsPublicKey(ecc.arn()))
                .verify(Envelope.sign(TYPE, large, backend.remoteSigner(ecc.arn())), "rob").counted());
        assertFalse(robsKeyring(backend.kmsPublicKey(rsa.arn()))
                .verify(Envelope.sign(TYPE, PAYLOAD, backend.remoteSigner(rsa.arn())), "rob").counted());
    }
}
