package dev.airlock.testkit.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.attestation.Envelope;
import dev.airlock.attestation.Keyring;
import dev.airlock.attestation.PublicKeys;
import dev.airlock.attestation.TrustedKey;
import dev.airlock.testkit.aws.contract.Expect;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;

/**
 * What the in-memory KMS holds to AWS's rules beyond the contract (moto does not): RSASSA-PSS with a 32-byte
 * salt, DIGEST messages, the 4096-byte limit, disabled keys, invalid signatures as errors, and key policies
 * that decide who may sign.
 */
class FakeKmsTest {
    final TestLandscape aws = new TestLandscape();
    final KmsClient admin = aws.kms(aws.root(TestLandscape.TOOLING));

    KeyMetadata key(KeySpec spec) {
        return admin.createKey(r -> r.keySpec(spec).keyUsage(KeyUsageType.SIGN_VERIFY)).keyMetadata();
    }

    PublicKey publicKey(String keyId) {
        return PublicKeys.parse(Base64.getEncoder().encodeToString(
                admin.getPublicKey(r -> r.keyId(keyId)).publicKey().asByteArray()));
    }

    Envelope envelope(KmsClient kms, String keyId, SigningAlgorithmSpec algorithm, byte[] payload, boolean digest)
            throws Exception {
        byte[] pae = Envelope.pae("application/vnd.in-toto+json", payload);
        byte[] message = digest ? MessageDigest.getInstance("SHA-256").digest(pae) : pae;
        byte[] sig = kms.sign(r -> r.keyId(keyId).signingAlgorithm(algorithm).message(SdkBytes.fromByteArray(message))
                .messageType(digest ? MessageType.DIGEST : MessageType.RAW)).signature().asByteArray();
        return new Envelope("application/vnd.in-toto+json", payload, List.of(new Envelope.Signature(keyId, sig)));
    }

    boolean verifiesForRob(String keyId, Envelope envelope) {
        return Keyring.of(List.of(new TrustedKey("rob", publicKey(keyId)))).verify(envelope, "rob").counted();
    }

    @Test
    void rsaPss_rawAndDigest_verifyInCoreWithA32ByteSalt() throws Exception {
        String rsa = key(KeySpec.RSA_2048).keyId();
        byte[] small = "{\"approved\":true}".getBytes(StandardCharsets.UTF_8);
        byte[] large = "x".repeat(10_000).getBytes(StandardCharsets.UTF_8);

        assertTrue(verifiesForRob(rsa, envelope(admin, rsa, SigningAlgorithmSpec.RSASSA_PSS_SHA_256, small, false)));
        assertTrue(verifiesForRob(rsa, envelope(admin, rsa, SigningAlgorithmSpec.RSASSA_PSS_SHA_256, large, true)));
    }

    @Test
    void ecdsa_digestOfALargeMessage_verifiesInCore() throws Exception {
        String ecc = key(KeySpec.ECC_NIST_P256).keyId();
        byte[] large = "x".repeat(10_000).getBytes(StandardCharsets.UTF_8);

        assertTrue(verifiesForRob(ecc, envelope(admin, ecc, SigningAlgorithmSpec.ECDSA_SHA_256, large, true)));
    }

    @Test
    void rawMessagesOver4096Bytes_andDigestsOfTheWrongLength_areRefused() {
        String ecc = key(KeySpec.ECC_NIST_P256).keyId();

        Expect.awsError(400, "ValidationException", () -> admin.sign(r -> r.keyId(ecc)
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256).message(SdkBytes.fromByteArray(new byte[4097]))));
        Expect.awsError(400, "ValidationException", () -> admin.sign(r -> r.keyId(ecc).messageType(MessageType.DIGEST)
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256).message(SdkBytes.fromByteArray(new byte[31]))));
    }

    @Test
    void aDisabledKey_doesNotSign_untilEnabled() {
        String ecc = key(KeySpec.ECC_NIST_P256).keyId();
        admin.disableKey(r -> r.keyId(ecc));

        Expect.awsError(400, "DisabledException", () -> admin.sign(r -> r.keyId(ecc)
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256).message(SdkBytes.fromUtf8String("m"))));

        admin.enableKey(r -> r.keyId(ecc));
        admin.sign(r -> r.keyId(ecc).signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)
                .message(SdkBytes.fromUtf8String("m")));
    }

    @Test
    void verify_ofATamperedMessage_isAnError() {
        String ecc = key(KeySpec.ECC_NIST_P256).keyId();
        SdkBytes signature = admin.sign(r -> r.keyId(ecc).signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)
                .message(SdkBytes.fromUtf8String("approved"))).signature();

        Expect.awsError(400, "KMSInvalidSignatureException", () -> admin.verify(r -> r.keyId(ecc)
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256).message(SdkBytes.fromUtf8String("approveD"))
                .signature(signature)));
    }

    @Test
    void keyPolicy_letsOnlyTheBoundRoleSign() {
        String ecc = key(KeySpec.ECC_NIST_P256).keyId();
        admin.putKeyPolicy(r -> r.keyId(ecc).policyName("default").policy("{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Sid\":\"admins\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111111111111:root\"},"
                + "\"Action\":[\"kms:GetPublicKey\",\"kms:DescribeKey\",\"kms:GetKeyPolicy\",\"kms:PutKeyPolicy\"],"
                + "\"Resource\":\"*\"},{\"Sid\":\"signer\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                + TestLandscape.HUB + "\"},\"Action\":\"kms:Sign\",\"Resource\":\"*\"}]}"));
        String arn = admin.describeKey(r -> r.keyId(ecc)).keyMetadata().arn();

        AwsServiceException refused = Expect.awsError(400, "AccessDeniedException", () -> aws.kms(aws.ci()).sign(
                r -> r.keyId(ecc).signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)
                        .message(SdkBytes.fromUtf8String("m"))));
        assertEquals("User: " + TestLandscape.CI_USER + " is not authorized to perform: kms:Sign on resource: " + arn
                + " because no resource-based policy allows the kms:Sign action", refused.awsErrorDetails().errorMessage());

        aws.kms(aws.hub()).sign(r -> r.keyId(ecc).signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)
                .message(SdkBytes.fromUtf8String("m")));
    }

    @Test
    void aKeyOfAnotherAccount_isFoundByArnOnly_andOnlyWhereItsPolicyLetsTheCallerIn() {
        KeyMetadata prodKey = aws.kms(aws.root(TestLandscape.PROD)).createKey(r -> r.keySpec(KeySpec.ECC_NIST_P256)
                .keyUsage(KeyUsageType.SIGN_VERIFY)).keyMetadata();

        Expect.awsError(400, "NotFoundException", () -> admin.describeKey(r -> r.keyId(prodKey.keyId())));
        Expect.awsError(400, "AccessDeniedException", () -> admin.describeKey(r -> r.keyId(prodKey.arn())));
    }
}
