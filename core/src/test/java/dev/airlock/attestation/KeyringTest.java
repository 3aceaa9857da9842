package dev.airlock.attestation;

import static dev.airlock.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A keyring counts a signature only for the owner its key is bound to, and never throws on bad input. */
class KeyringTest {
    private static final byte[] PAYLOAD = "{\"approver\":\"rob\"}".getBytes(StandardCharsets.UTF_8);

    private final KeyPair rob = KeyFile.generate(KeyAlgorithm.ED25519);
    private final KeyPair rae = KeyFile.generate(KeyAlgorithm.ECDSA_P256_SHA256);
    private final TrustedKey robsKey = new TrustedKey("rob", rob.getPublic());
    private final TrustedKey raesKey = new TrustedKey("rae", rae.getPublic());
    private final Keyring keyring = Keyring.of(List.of(robsKey, raesKey));

    @Test
    void verify_ofTheOwnersSignature_countsIt_namingTheKey() {
        Verification verification = keyring.verify(Envelope.sign(Statement.PAYLOAD_TYPE, PAYLOAD,
                LocalSigner.of(rob)), "rob");

        assertEquals(Verification.verified(robsKey.keyId()), verification);
    }

    @Test
    void verify_ofOneOwnersSignatureForAnother_neverCounts_andSaysWhoseKeyItWas() {
        Envelope signedByRob = Envelope.sign(Statement.PAYLOAD_TYPE, PAYLOAD, LocalSigner.of(rob));

        assertEquals(Verification.notCounted("signed with rob's key, not rae's"), keyring.verify(signedByRob, "rae"));
    }

    @Test
    void verify_ofATamperedPayloadOrType_doesNotCount() {
        Envelope signed = Envelope.sign(Statement.PAYLOAD_TYPE, PAYLOAD, LocalSigner.of(rob));
        byte[] tampered = PAYLOAD.clone();
        tampered[tampered.length - 3] = 'x'; // rob -> rox

        assertEquals(Verification.notCounted("signature does not verify"),
                keyring.verify(new Envelope(signed.payloadType(), tampered, signed.signatures()), "rob"));
        assertEquals(Verification.notCounted("signature does not verify"),
                keyring.verify(new Envelope("application/json", PAYLOAD, signed.signatures()), "rob"),
                "the type is signed too (PAE)");
    }

    static Stream<KeyPair> everyAlgorithm() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        return Stream.of(KeyFile.generate(KeyAlgorithm.ED25519), KeyFile.generate(KeyAlgorithm.ECDSA_P256_SHA256),
                rsa.generateKeyPair());
    }

    @ParameterizedTest
    @MethodSource("everyAlgorithm")
    void verify_ofMalformedSignatures_doesNotCount_andDoesNotThrow(KeyPair pair) {
        Keyring single = Keyring.of(List.of(new TrustedKey("rob", pair.getPublic())));
        byte[] good = LocalSigner.of(pair).sign(Envelope.pae("t", PAYLOAD));
        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 1);
        byte[] flipped = good.clone();
        flipped[flipped.length / 2] ^= 1;

        for (byte[] sig : List.of(new byte[0], new byte[] {0x30, 0x02, 0x02}, truncated, flipped, new byte[600])) {
            Envelope envelope = new Envelope("t", PAYLOAD, List.of(new Envelope.Signature("", sig)));
            assertFalse(single.verify(envelope, "rob").counted());
        }
        assertTrue(single.verify(new Envelope("t", PAYLOAD, List.of(new Envelope.Signature("", good))), "rob")
                .counted(), "the same key does verify its real signature");
    }

    @Test
    void verify_forAnOwnerWithNoKey_saysSo() {
        Envelope signed = Envelope.sign(Statement.PAYLOAD_TYPE, PAYLOAD, LocalSigner.of(rob));

        assertEquals(Verification.notCounted("no key is bound to carl"), keyring.verify(signed, "carl"));
        assertFalse(Keyring.EMPTY.verify(signed, "rob").counted());
    }

    @Test
    void verify_ofSeveralSignatures_countsWhenAnyIsTheOwners() {
        Envelope byRae = Envelope.sign("t", PAYLOAD, LocalSigner.of(rae));
        Envelope byRob = Envelope.sign("t", PAYLOAD, LocalSigner.of(rob));
        Envelope both = new Envelope("t", PAYLOAD, List.of(byRae.signatures().get(0), byRob.signatures().get(0)));

        assertTrue(keyring.verify(both, "rob").counted());
    }

    @Test
    void fingerprint_dependsOnBindings_notOnTheirOrder() {
        String fingerprint = keyring.fingerprint();

        assertEquals(fingerprint, Keyring.of(List.of(raesKey, robsKey)).fingerprint());
        assertNotEquals(fingerprint, Keyring.of(List.of(robsKey)).fingerprint(), "a binding removed");
        assertNotEquals(fingerprint, Keyring.of(List.of(robsKey, new TrustedKey("ray", rae.getPublic())))
                .fingerprint(), "rae's key bound to ray instead");
        assertNotEquals(fingerprint, Keyring.of(List.of(robsKey, raesKey, new TrustedKey("rae",
                KeyFile.generate(KeyAlgorithm.ED25519).getPublic()))).fingerprint(), "a second key for rae");
    }

    @Test
    void publicKeysParse_readsPemAndBareBase64_ofEveryAlgorithm() throws Exception {
        for (KeyPair pair : everyAlgorithm().toList()) {
            assertEquals(pair.getPublic(), PublicKeys.parse(PublicKeys.pem(pair.getPublic())));
            assertEquals(pair.getPublic(), PublicKeys.parse(PublicKeys.base64(pair.getPublic())));
        }
    }

    @Test
    void publicKeysParse_refusesGarbage_sayingWhatItExpects() {
        assertRejected(() -> PublicKeys.parse("not a key!"), "publicKey", "notakey!",
                "is not base64 (PEM or bare SubjectPublicKeyInfo");
        assertRejected(() -> PublicKeys.parse("aGVsbG8gd29ybGQ="), "publicKey", "aGVsbG8gd29ybGQ=",
                "is not an Ed25519, ECDSA P-256 or RSA public key");
    }

    @Test
    void publicKeysParse_refusesAKeyOnAnotherCurve() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"));

        assertRejected(() -> PublicKeys.parse(PublicKeys.pem(generator.generateKeyPair().getPublic())),
                "publicKey", "EC", "is not a key Airlock verifies with");
    }
}
