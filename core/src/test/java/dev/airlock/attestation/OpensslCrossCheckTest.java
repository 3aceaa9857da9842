package dev.airlock.attestation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.airlock.spi.Signer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Airlock's keys and signatures against the real {@code openssl}, the tool operators make and inspect keys
 * with: each side reads the other's keys and verifies the other's signatures over a DSSE PAE. Without
 * openssl this test fails rather than skips, so a build never passes without the cross-check.
 */
class OpensslCrossCheckTest {
    private static final byte[] PAYLOAD = "{\"approver\":\"rob\"}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @BeforeAll
    static void opensslIsInstalled() {
        try {
            Process process = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
            if (process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0) {
                return;
            }
        } catch (IOException | InterruptedException e) {
            // reported below
        }
        fail("this test needs the openssl command on the PATH: install it (apt-get install openssl, "
                + "dnf install openssl, brew install openssl)");
    }

    @Test
    void ed25519KeyFile_isReadByOpenssl_asTheSameKey() throws Exception {
        keyFileIsReadByOpenssl(KeyAlgorithm.ED25519);
    }

    @Test
    void p256KeyFile_isReadByOpenssl_asTheSameKey() throws Exception {
        keyFileIsReadByOpenssl(KeyAlgorithm.ECDSA_P256_SHA256);
    }

    @Test
    void ed25519SignatureByAirlock_verifiesWithOpenssl() throws Exception {
        Path key = dir.resolve("rob.pem");
        PublicKey publicKey = KeyFile.create(key, KeyAlgorithm.ED25519);
        Path pub = write("pub.pem", PublicKeys.pem(publicKey).getBytes(StandardCharsets.US_ASCII));
        Path message = write("pae", Envelope.pae(Statement.PAYLOAD_TYPE, PAYLOAD));
        write("sig", Envelope.sign(Statement.PAYLOAD_TYPE, PAYLOAD, KeyFile.signer(key)).signatures().get(0).sig());

        assertTrue(openssl("pkeyutl", "-verify", "-pubin", "-inkey", pub, "-rawin", "-in", message, "-sigfile",
                dir.resolve("sig")).contains("Signature Verified Successfully"));
    }

    @Test
    void p256SignatureByAirlock_verifiesWithOpenssl() throws Exception {
        Path key = dir.resolve("rob.pem");
        PublicKey publicKey = KeyFile.create(key, KeyAlgorithm.ECDSA_P256_SHA256);
        Path pub = write("pub.pem", PublicKeys.pem(publicKey).getBytes(StandardCharsets.US_ASCII));
        Path message = write("pae", Envelope.pae(Statement.PAYLOAD_TYPE, PAYLOAD));
        write("sig", Envelope.sign(Statement.PAYLOAD_TYPE, PAYLOAD, KeyFile.signer(key)).signatures().get(0).sig());

        assertTrue(openssl("dgst", "-sha256", "-verify", pub, "-signature", dir.resolve("sig"), message)
                .contains("Verified OK"));
    }

    @Test
    void ed25519KeyMadeByOpenssl_signsWithAirlock_andOpensslSignaturesVerifyInAKeyring() throws Exception {
        Path key = opensslKey("-algorithm", "ed25519");
        Path message = write("pae", Envelope.pae(Statement.PAYLOAD_TYPE, PAYLOAD));
        openssl("pkeyutl", "-sign", "-inkey", key, "-rawin", "-in", message, "-out", dir.resolve("sig"));

        bothSignaturesVerify(key, KeyAlgorithm.ED25519);
    }

    @Test
    void p256KeyMadeByOpenssl_signsWithAirlock_andOpensslSignaturesVerifyInAKeyring() throws Exception {
        Path key = opensslKey("-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256");
        Path message = write("pae", Envelope.pae(Statement.PAYLOAD_TYPE, PAYLOAD));
        openssl("dgst", "-sha256", "-sign", key, "-out", dir.resolve("sig"), message);

        bothSignaturesVerify(key, KeyAlgorithm.ECDSA_P256_SHA256);
    }

    @Test
    void rsaPssSignatureByOpenssl_withKmsParameters_verifiesInAKeyring() throws Exception {
        // KMS's RSASSA_PSS_SHA_256: SHA-256, MGF1 with SHA-256, a 32-byte salt; openssl is told the same.
        Path key = opensslKey("-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048");
        Path message = write("pae", Envelope.pae(Statement.PAYLOAD_TYPE, PAYLOAD));
        openssl("dgst", "-sha256", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:32",
                "-sigopt", "rsa_mgf1_md:sha256", "-sign", key, "-out", dir.resolve("sig"), message);

        assertTrue(keyring(key).verify(envelope(Files.readAllBytes(dir.resolve("sig"))), "rob").counted());
    }

    private void keyFileIsReadByOpenssl(KeyAlgorithm algorithm) throws Exception {
        Path key = dir.resolve("rob.pem");
        PublicKey publicKey = KeyFile.create(key, algorithm);

        assertEquals(PublicKeys.pem(publicKey), openssl("pkey", "-in", key, "-pubout"),
                "openssl derives the public key Airlock returned from the private key Airlock wrote");
    }

    private void bothSignaturesVerify(Path key, KeyAlgorithm algorithm) throws Exception {
        Signer signer = KeyFile.signer(key);
        assertEquals(algorithm, signer.algorithm());
        Keyring keyring = keyring(key);

        assertTrue(keyring.verify(Envelope.sign(Statement.PAYLOAD_TYPE, PAYLOAD, signer), "rob").counted(),
                "Airlock's signature with openssl's key");
        assertTrue(keyring.verify(envelope(Files.readAllBytes(dir.resolve("sig"))), "rob").counted(),
                "openssl's signature");
    }

    /** A private key from {@code openssl genpkey}, made owner-only as an operator is told to. */
    private Path opensslKey(String... algorithm) throws Exception {
        Path key = dir.resolve("openssl.pem");
        List<Object> args = new ArrayList<>(List.of("genpkey"));
        args.addAll(List.of(algorithm));
        args.addAll(List.of("-out", key));
        openssl(args.toArray());
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        return key;
    }

    /** A keyring binding to rob the public key openssl derives from {@code key}. */
    private Keyring keyring(Path key) throws Exception {
        return Keyring.of(List.of(new TrustedKey("rob", PublicKeys.parse(openssl("pkey", "-in", key, "-pubout")))));
    }

    private static Envelope envelope(byte[] sig) {
        return new Envelope(Statement.PAYLOAD_TYPE, PAYLOAD, List.of(new Envelope.Signature("", sig)));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    /** Runs openssl with {@code args} in the temp directory; fails with its output unless it exits 0. */
    private String openssl(Object... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        for (Object arg : args) {
            command.add(arg.toString());
        }
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            fail(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }
}
