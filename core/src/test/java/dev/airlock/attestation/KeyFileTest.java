package dev.airlock.attestation;

import static dev.airlock.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.InvalidValueException;
import dev.airlock.spi.Signer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A key file is a credential: made for its owner alone, never overwritten, never quoted in an error. */
class KeyFileTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(names = {"ED25519", "ECDSA_P256_SHA256"})
    void create_writesAnOwnerOnlyFile_whoseSignerVerifiesAgainstTheReturnedKey(KeyAlgorithm algorithm)
            throws Exception {
        Path file = dir.resolve("keys/rob.pem");
        PublicKey publicKey = KeyFile.create(file, algorithm);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Signer signer = KeyFile.signer(file);
        assertEquals(algorithm, signer.algorithm());
        assertEquals(PublicKeys.keyId(publicKey), signer.keyId(), "the key id comes from the public half");
        Envelope envelope = Envelope.sign("t", new byte[] {1}, signer);
        assertTrue(Keyring.of(List.of(new TrustedKey("rob", publicKey))).verify(envelope, "rob").counted());
    }

    @Test
    void create_whereAFileExists_neverOverwritesIt() throws Exception {
        Path file = dir.resolve("rob.pem");
        KeyFile.create(file, KeyAlgorithm.ED25519);
        String before = Files.readString(file);

        assertRejected(() -> KeyFile.create(file, KeyAlgorithm.ED25519), "keyFile", file.toString(),
                "exists already; a key file is never overwritten");
        assertEquals(before, Files.readString(file));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-r-----", "rw----r--", "rw-----w-", "rw-rw-rw-"})
    void signer_ofAFileOthersMayReadOrWrite_isRefused_namingPathPermissionsAndTheFix(String permissions)
            throws Exception {
        Path file = dir.resolve("rob.pem");
        KeyFile.create(file, KeyAlgorithm.ED25519);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));

        InvalidValueException e = assertRejected(() -> KeyFile.signer(file), "keyFile", file.toString(),
                "(" + permissions + ")");
        assertTrue(e.getMessage().contains("chmod 600 " + file), e.getMessage());
        assertNoKeyMaterial(file, e.getMessage());
    }

    @Test
    void signer_throughASymbolicLink_judgesTheTargetsPermissions() throws Exception {
        // A link's own mode is always rwxrwxrwx on Linux and chmod cannot change it: only the target's can count.
        Path target = dir.resolve("rob.pem");
        KeyFile.create(target, KeyAlgorithm.ED25519);
        Path link = Files.createSymbolicLink(dir.resolve("current.pem"), target.getFileName());

        assertEquals(KeyFile.signer(target).keyId(), KeyFile.signer(link).keyId());
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
        assertRejected(() -> KeyFile.signer(link), "keyFile", link.toString(), "(rw-r--r--)");
    }

    @Test
    void signer_ofAMissingFile_saysHowToCreateOne() {
        Path file = dir.resolve("nobody.pem");
        assertRejected(() -> KeyFile.signer(file), "keyFile", file.toString(), "does not exist; create keys with");
    }

    @Test
    void signer_ofADirectory_isRefused() {
        assertRejected(() -> KeyFile.signer(dir), "keyFile", dir.toString(), "is not a regular file");
    }

    @Test
    void signer_ofTextWithoutAPrivateKey_isRefused() throws Exception {
        Path file = ownerOnly("notes.pem", "hello, not a key\n");
        assertRejected(() -> KeyFile.signer(file), "keyFile", file.toString(), "holds no PKCS#8 private key");
    }

    @Test
    void signer_ofBinaryGarbage_isRefused() throws Exception {
        Path file = dir.resolve("garbage.pem");
        Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, (byte) 0x80});
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        assertRejected(() -> KeyFile.signer(file), "keyFile", file.toString(), "cannot be read as PEM text");
    }

    @Test
    void signer_ofAPrivateKeyBlockThatIsNotBase64_isRefused() throws Exception {
        Path file = ownerOnly("broken.pem", "-----BEGIN PRIVATE KEY-----\nQUJD=QUJD\n-----END PRIVATE KEY-----\n");
        assertRejected(() -> KeyFile.signer(file), "keyFile", file.toString(), "is not base64");
    }

    @Test
    void signer_ofAPublicKeyInsteadOfAPrivateOne_isRefused() throws Exception {
        PublicKey publicKey = KeyFile.generate(KeyAlgorithm.ED25519).getPublic();
        Path file = ownerOnly("rob.pub", PublicKeys.pem(publicKey));

        assertRejected(() -> KeyFile.signer(file), "keyFile", file.toString(), "holds no PKCS#8 private key");
    }

    @Test
    void signer_ofAnEcKeyOnAnotherCurve_isRefused_withoutQuotingIt() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"));
        Path file = ownerOnly("p384.pem", pem(generator.generateKeyPair().getPrivate()));

        InvalidValueException e = assertRejected(() -> KeyFile.signer(file), "keyFile", file.toString(),
                "holds an ECDSA key on another curve than P-256");
        assertNoKeyMaterial(file, e.getMessage());
    }

    @Test
    void signer_ofAnRsaKey_isRefused_withoutQuotingIt() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        Path file = ownerOnly("rsa.pem", pem(generator.generateKeyPair().getPrivate()));

        InvalidValueException e = assertRejected(() -> KeyFile.signer(file), "keyFile", file.toString(),
                "holds no Ed25519 or ECDSA P-256 private key");
        assertNoKeyMaterial(file, e.getMessage());
    }

    @Test
    void signer_toString_namesTheFileAndKey_neverTheKeyMaterial() throws Exception {
        Path file = dir.resolve("rob.pem");
        PublicKey publicKey = KeyFile.create(file, KeyAlgorithm.ECDSA_P256_SHA256);

        String text = KeyFile.signer(file).toString();
        assertTrue(text.contains(file.toString()) && text.contains(PublicKeys.keyId(publicKey)), text);
        assertNoKeyMaterial(file, text);
    }

    @Test
    void generate_refusesRsa_whichLivesInKms() {
        assertRejected(() -> KeyFile.generate(KeyAlgorithm.RSA_PSS_SHA256), "algorithm", "rsa-pss-sha256",
                "RSA keys live in KMS");
    }

    private Path ownerOnly(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private static String pem(PrivateKey key) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(key.getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    }

    /** No 12-character run of the private key's base64 appears in {@code text}. */
    private static void assertNoKeyMaterial(Path file, String text) throws Exception {
        String pem = Files.readString(file);
        String secret = pem.substring(pem.indexOf("-----\n") + 6, pem.indexOf("-----END PRIVATE KEY-----"))
                .replace("\n", "");
        for (int i = 0; i + 12 <= secret.length(); i++) {
            assertFalse(text.contains(secret.substring(i, i + 12)), () -> "key material in: " + text);
        }
    }
}
