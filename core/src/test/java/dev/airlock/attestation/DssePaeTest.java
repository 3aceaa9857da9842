package dev.airlock.attestation;

import static dev.airlock.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Airlock's DSSE against the specification, so an envelope Airlock signs verifies in any DSSE
 * implementation and the other way round. The vector is the one under "Test Vectors" in protocol.md of
 * github.com/secure-systems-lab/dsse (commit eebf7b59b17a06efd2d8a531fc30d1d193520adb):
 *
 * <pre>
 * SERIALIZED_BODY: hello world
 * PAYLOAD_TYPE:    http://example.com/HelloWorld
 * PAE:             DSSEv1 29 http://example.com/HelloWorld 11 hello world
 * Algorithm: ECDSA over NIST P-256 and SHA-256, with deterministic-rfc6979
 * Signature: raw concatenation of r and s
 * X: 46950820868899156662930047687818585632848591499744589407958293238635476079160
 * Y: 5640078356564379163099075877009565129882514886557779369047442380624545832820
 * {"payload": "aGVsbG8gd29ybGQ=",
 *  "payloadType": "http://example.com/HelloWorld",
 *  "signatures": [{"sig": "A3JqsQGtVsJ2O2xqrI5IcnXip5GToJ3F+FnZ+O88SjtR6rDAajabZKciJTfUiHqJPcIAriEGAHTVeCUjW2JIZA=="}]}
 * </pre>
 */
class DssePaeTest {
    private static final String SPEC_TYPE = "http://example.com/HelloWorld";
    private static final String SPEC_ENVELOPE = """
            {"payload": "aGVsbG8gd29ybGQ=",
             "payloadType": "http://example.com/HelloWorld",
             "signatures": [{"sig": "A3JqsQGtVsJ2O2xqrI5IcnXip5GToJ3F+FnZ+O88SjtR6rDAajabZKciJTfUiHqJPcIAriEGAHTVeCUjW2JIZA=="}]}
            """;
    private static final BigInteger SPEC_X = new BigInteger(
            "46950820868899156662930047687818585632848591499744589407958293238635476079160");
    private static final BigInteger SPEC_Y = new BigInteger(
            "5640078356564379163099075877009565129882514886557779369047442380624545832820");

    @Test
    void pae_ofTheSpecExample_isTheSpecsEncoding() {
        byte[] pae = Envelope.pae(SPEC_TYPE, "hello world".getBytes(StandardCharsets.UTF_8));

        assertEquals("DSSEv1 29 http://example.com/HelloWorld 11 hello world",
                new String(pae, StandardCharsets.US_ASCII));
    }

    @Test
    void pae_countsBytesNotCharacters() {
        // "é" is two bytes in UTF-8: a length in characters would let type and body bytes shift between fields.
        byte[] pae = Envelope.pae("t/é", "ü".getBytes(StandardCharsets.UTF_8));

        assertArrayEquals("DSSEv1 4 t/é 2 ü".getBytes(StandardCharsets.UTF_8), pae);
    }

    @Test
    void pae_ofAnEmptyBody_endsWithALengthOfZero() {
        assertEquals("DSSEv1 1 t 0 ", new String(Envelope.pae("t", new byte[0]), StandardCharsets.US_ASCII));
    }

    @Test
    void specEnvelope_parses_andItsSignatureVerifiesOverAirlocksPae() throws Exception {
        Envelope envelope = Envelope.parse(SPEC_ENVELOPE);
        assertEquals(SPEC_TYPE, envelope.payloadType());
        assertEquals("hello world", new String(envelope.payload(), StandardCharsets.UTF_8));
        assertEquals("", envelope.signatures().get(0).keyId(), "the spec's signature has no keyid");

        // The spec signs r || s; the JDK's P1363 format reads exactly that, so this checks our PAE, not a codec.
        Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify(specKey());
        verifier.update(Envelope.pae(envelope.payloadType(), envelope.payload()));
        assertTrue(verifier.verify(envelope.signatures().get(0).sig()));
    }

    @Test
    void specEnvelope_verifiesInAKeyring_onceItsSignatureIsDer() throws Exception {
        Envelope spec = Envelope.parse(SPEC_ENVELOPE);
        // Airlock signs ECDSA as DER (what KMS and openssl write); the spec's raw r || s is re-encoded.
        Envelope der = new Envelope(spec.payloadType(), spec.payload(),
                List.of(new Envelope.Signature("", toDer(spec.signatures().get(0).sig()))));
        Keyring keyring = Keyring.of(List.of(new TrustedKey("dsse-spec", specKey())));

        assertTrue(keyring.verify(der, "dsse-spec").counted());
        Envelope otherBody = new Envelope(spec.payloadType(), "hello world!".getBytes(StandardCharsets.UTF_8),
                der.signatures());
        assertFalse(keyring.verify(otherBody, "dsse-spec").counted());
    }

    @Test
    void toJson_thenParse_givesTheSameEnvelope() {
        LocalSigner signer = LocalSigner.of(KeyFile.generate(KeyAlgorithm.ED25519));
        Envelope envelope = Envelope.sign(Statement.PAYLOAD_TYPE, "{\"a\":1}".getBytes(StandardCharsets.UTF_8), signer);

        Envelope parsed = Envelope.parse(envelope.toJson());

        assertEquals(envelope, parsed);
        assertEquals(signer.keyId(), parsed.signatures().get(0).keyId());
        assertArrayEquals(envelope.signatures().get(0).sig(), parsed.signatures().get(0).sig());
    }

    @Test
    void parse_acceptsUrlSafeBase64() {
        byte[] payload = {(byte) 0xfb, (byte) 0xff, (byte) 0xfe}; // "+//+" in standard base64, "-__-" URL-safe
        String json = "{\"payloadType\":\"t\",\"payload\":\"" + Base64.getUrlEncoder().encodeToString(payload)
                + "\",\"signatures\":[{\"sig\":\"AA==\"}]}";

        assertArrayEquals(payload, Envelope.parse(json).payload());
    }

    @Test
    void parse_withoutPayloadType_namesIt() {
        assertRejected(() -> Envelope.parse("{\"payload\":\"AA==\",\"signatures\":[{\"sig\":\"AA==\"}]}"),
                "payloadType", "null", "is required");
    }

    @Test
    void parse_payloadThatIsNotBase64_namesIt() {
        assertRejected(() -> Envelope.parse("{\"payloadType\":\"t\",\"payload\":\"no base64!\","
                + "\"signatures\":[{\"sig\":\"AA==\"}]}"), "payload", "no base64!", "is not base64");
    }

    @Test
    void parse_signatureThatIsNotBase64_namesIt() {
        assertRejected(() -> Envelope.parse("{\"payloadType\":\"t\",\"payload\":\"AA==\","
                + "\"signatures\":[{\"sig\":\"%%\"}]}"), "sig", "%%", "is not base64");
    }

    @Test
    void parse_withoutSignatures_namesThem() {
        assertRejected(() -> Envelope.parse("{\"payloadType\":\"t\",\"payload\":\"AA==\",\"signatures\":[]}"),
                "signatures", "[]", "must be a non-empty array");
        assertRejected(() -> Envelope.parse("{\"payloadType\":\"t\",\"payload\":\"AA==\"}"),
                "signatures", "null", "must be a non-empty array");
    }

    @Test
    void parse_ofTextThatIsNotJson_saysSo() {
        assertRejected(() -> Envelope.parse("DSSEv1 1 t 0 "), "envelope", "DSSEv1 1 t 0 ", "is not JSON");
        assertRejected(() -> Envelope.parse("[1]"), "envelope", "[1]", "must be a JSON object");
    }

    /** The spec's public key, from its affine coordinates on P-256. */
    private static PublicKey specKey() throws Exception {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec p256 = parameters.getParameterSpec(ECParameterSpec.class);
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(SPEC_X, SPEC_Y), p256));
    }

    /** r || s (32 bytes each) as a DER SEQUENCE of two INTEGERs. */
    private static byte[] toDer(byte[] raw) {
        byte[] r = new BigInteger(1, Arrays.copyOfRange(raw, 0, 32)).toByteArray();
        byte[] s = new BigInteger(1, Arrays.copyOfRange(raw, 32, 64)).toByteArray();
        byte[] der = new byte[6 + r.length + s.length]; // under 128 bytes: one-byte lengths throughout
        der[0] = 0x30;
        der[1] = (byte) (4 + r.length + s.length);
        der[2] = 0x02;
        der[3] = (byte) r.length;
        System.arraycopy(r, 0, der, 4, r.length);
        der[4 + r.length] = 0x02;
        der[5 + r.length] = (byte) s.length;
        System.arraycopy(s, 0, der, 6 + r.length, s.length);
        return der;
    }
}
