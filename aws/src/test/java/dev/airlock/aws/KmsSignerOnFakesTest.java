package dev.airlock.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.AirlockException;
import dev.airlock.attestation.Envelope;
import dev.airlock.attestation.KeyAlgorithm;
import dev.airlock.aws.policy.AwsPolicies;
import dev.airlock.aws.policy.PolicyOptions;
import dev.airlock.spi.AccessDeniedException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.SignRequest;

/**
 * {@link KmsSignerTest} on the in-memory AWS, and what only it holds as AWS does: RSASSA-PSS keys, envelopes
 * over 4096 bytes (signed as a DIGEST), disabled keys, and key policies that let only the bound principal sign.
 */
class KmsSignerOnFakesTest extends KmsSignerTest {
    @Override
    TargetBase target() {
        return new FakeAws();
    }

    @Test
    void rsaKeys_andEnvelopesOver4096Bytes_verifyInCore() {
        KeyMetadata rsa = key(KeySpec.RSA_2048, KeyUsageType.SIGN_VERIFY);
        KeyMetadata ecc = key(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY);
        byte[] large = "x".repeat(KmsSigner.RAW_LIMIT).getBytes(StandardCharsets.UTF_8);

        assertEquals(KeyAlgorithm.RSA_PSS_SHA256, backend.remoteSigner(rsa.arn()).algorithm());
        for (KeyMetadata key : List.of(rsa, ecc)) {
            for (byte[] payload : List.of(PAYLOAD, large)) {
                assertTrue(robsKeyring(backend.kmsPublicKey(key.arn()))
                        .verify(Envelope.sign(TYPE, payload, backend.remoteSigner(key.arn())), "rob").counted());
            }
        }
        assertEquals(List.of("RAW", "DIGEST", "RAW", "DIGEST"), aws.recorder().of("Sign").stream()
                .map(sent -> ((SignRequest) sent.request()).messageTypeAsString()).toList());
    }

    @Test
    void aPrincipalTheKeyPolicyDoesNotLetSign_isDenied_namingTheKeyAndThePrincipal() {
        KeyMetadata key = key(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY);
        try (KmsClient kms = aws.kms(AwsTarget.TOOLING, AwsTarget.REGION)) {
            kms.putKeyPolicy(r -> r.keyId(key.keyId()).policyName("default").policy("{\"Version\":\"2012-10-17\","
                    + "\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111111111111:root\"},"
                    + "\"Action\":[\"kms:GetPublicKey\",\"kms:DescribeKey\"],\"Resource\":\"*\"},{\"Effect\":\"Allow\","
                    + "\"Principal\":{\"AWS\":\"" + AwsTarget.HUB + "\"},\"Action\":\"kms:Sign\",\"Resource\":\"*\"}]}"));
        }
        KmsSigner signer = backend.remoteSigner(key.arn());

        AccessDeniedException denied = assertThrows(AccessDeniedException.class, () -> signer.sign(PAYLOAD));

        assertTrue(denied.getMessage().contains(key.arn()), denied.getMessage());
        assertTrue(denied.getMessage().contains(FakeAws.CI_USER), denied.getMessage());
        assertTrue(denied.getMessage().contains("key policy"), denied.getMessage());
    }

    @Test
    void aDisabledKey_failsNamingTheKeyAndHowToEnableIt() {
        KeyMetadata key = key(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY);
        KmsSigner signer = backend.remoteSigner(key.arn());
        try (KmsClient kms = aws.kms(AwsTarget.TOOLING, AwsTarget.REGION)) {
            kms.disableKey(r -> r.keyId(key.keyId()));
        }

        AirlockException failed = assertThrows(AirlockException.class, () -> signer.sign(PAYLOAD));

        assertTrue(failed.getMessage().contains("aws kms enable-key --key-id " + key.arn()), failed.getMessage());
    }

    @Test
    void theGeneratedKeyPolicy_letsTheKeysOwnerSign_andNobodyElse() {
        KeyMetadata ciKey = key(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY);
        KeyMetadata robsKey = key(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY);
        AwsPolicies policies = AwsPolicies.generate(AwsTarget.landscape(), AwsTarget.commonConfiguration().build(),
                AwsPoliciesTest.IDENTITIES, PolicyOptions.defaults().withSigningKey("ci@tooling", ciKey.arn())
                        .withSigningKey("rob", robsKey.arn()));
        try (KmsClient kms = aws.kms(AwsTarget.TOOLING, AwsTarget.REGION)) {
            for (var owner : List.of(List.of("ci-tooling", ciKey.keyId()), List.of("rob", robsKey.keyId()))) {
                kms.putKeyPolicy(r -> r.keyId(owner.get(1)).policyName("default").policy(
                        policies.document(owner.get(0), "signing-key-policy").orElseThrow().document()));
            }
        }

        // The backend acts as the CI user, which the identity mapping maps to ci@tooling.
        assertTrue(robsKeyring(backend.kmsPublicKey(ciKey.arn()))
                .verify(Envelope.sign(TYPE, PAYLOAD, backend.remoteSigner(ciKey.arn())), "rob").counted());
        AccessDeniedException denied = assertThrows(AccessDeniedException.class,
                () -> backend.remoteSigner(robsKey.arn()).sign(PAYLOAD));
        assertTrue(denied.getMessage().contains(robsKey.arn()), denied.getMessage());
    }
}
