package dev.airlock.attestation;

import dev.airlock.InvalidValueException;
import dev.airlock.spi.Signer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

/**
 * Private keys in files on this machine: PKCS#8 PEM, as {@code openssl genpkey} writes them, created
 * readable by their owner only, and refused when anyone else may read or write them. A key file is a
 * credential: its path may be named in errors, its content never.
 */
public final class KeyFile {
    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    private KeyFile() {
    }

    /**
     * Creates a new key pair of {@code algorithm} (Ed25519 or ECDSA P-256) and writes its private key to
     * {@code file}, created with permissions {@code rw-------}.
     *
     * @return the public key, to pin in a keyring
     * @throws InvalidValueException when the file exists already (a key is never overwritten)
     */
    public static PublicKey create(Path file, KeyAlgorithm algorithm) {
        KeyPair pair = generate(algorithm);
        // The public half follows the private one, so a signer knows its key id; openssl reads the first block.
        String pem = BEGIN + "\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(pair.getPrivate().getEncoded()) + "\n" + END + "\n" + PublicKeys.pem(pair.getPublic());
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (supportsPosix(file.toAbsolutePath().getParent())) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
        } catch (FileAlreadyExistsException e) {
            throw new InvalidValueException("keyFile", file, "exists already; a key file is never overwritten");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write key file " + file + ": " + e.getMessage(), e);
        }
        return pair.getPublic();
    }

    /** A fresh key pair; for tests and in-memory signers. */
    public static KeyPair generate(KeyAlgorithm algorithm) {
        try {
            KeyPairGenerator generator;
            switch (algorithm) {
                case ED25519 -> generator = KeyPairGenerator.getInstance("Ed25519");
                case ECDSA_P256_SHA256 -> {
                    generator = KeyPairGenerator.getInstance("EC");
                    generator.initialize(new ECGenParameterSpec("secp256r1"));
                }
                default -> throw new InvalidValueException("algorithm", algorithm.configName(),
                        "is not one Airlock creates local keys for: use ed25519 or ecdsa-p256 (RSA keys live in KMS)");
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot create " + algorithm + " keys", e);
        }
    }

    /**
     * A signer with the private key in {@code file}.
     *
     * @throws InvalidValueException when the file is missing, readable or writable by others, or holds no
     *                               Ed25519 or P-256 private key in PKCS#8 PEM
     */
    public static Signer signer(Path file) {
        String text = readText(file);
        PrivateKey key = privateKey(file, text);
        int publicBlock = text.indexOf("-----BEGIN PUBLIC KEY-----");
        // Without a public half (a key from `openssl genpkey`) the key id hint stays empty: verification tries
        // every key bound to the owner anyway.
        String keyId = publicBlock < 0 ? "" : PublicKeys.keyId(PublicKeys.parse(text.substring(publicBlock)));
        return new LocalSigner(key, algorithmOf(key), keyId, file.toString());
    }

    private static KeyAlgorithm algorithmOf(PrivateKey key) {
        return key.getAlgorithm().startsWith("Ed") ? KeyAlgorithm.ED25519 : KeyAlgorithm.ECDSA_P256_SHA256;
    }

    private static String readText(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidValueException("keyFile", file, Files.exists(file) ? "is not a regular file"
                    : "does not exist; create keys with `airlock keys create`");
        }
        requireOwnerOnly(file);
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new InvalidValueException("keyFile", file, "cannot be read as PEM text (" + e.getClass().getSimpleName()
                    + ")");
        }
    }

    private static PrivateKey privateKey(Path file, String text) {
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new InvalidValueException("keyFile", file, "holds no PKCS#8 private key (" + BEGIN + ")");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(text.substring(begin + BEGIN.length(), end));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("keyFile", file, "holds a private key that is not base64");
        }
        for (String algorithm : new String[] {"Ed25519", "EC"}) {
            try {
                PrivateKey key = KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
                if (key instanceof java.security.interfaces.ECPrivateKey ec && !KeyAlgorithm.isP256(ec.getParams())) {
                    throw new InvalidValueException("keyFile", file, "holds an ECDSA key on another curve than P-256");
                }
                return key;
            } catch (GeneralSecurityException tryNext) {
                // not this algorithm
            }
        }
        throw new InvalidValueException("keyFile", file, "holds no Ed25519 or ECDSA P-256 private key");
    }

    /** Refuses a key file others may read or write: whoever can read it can sign as its owner. */
    private static void requireOwnerOnly(Path file) {
        // The file that is read, so through a symbolic link (as Kubernetes mounts secrets) its target's permissions.
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return; // not a POSIX file system: its ACLs are the operator's to check
        }
        try {
            Set<PosixFilePermission> permissions = view.readAttributes().permissions();
            Set<PosixFilePermission> others = EnumSet.copyOf(permissions);
            others.removeAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_EXECUTE));
            if (!others.isEmpty()) {
                throw new InvalidValueException("keyFile", file, "may be read or written by others ("
                        + PosixFilePermissions.toString(permissions) + "); it must be the owner's alone: chmod 600 "
                        + file);
            }
        } catch (IOException e) {
            throw new InvalidValueException("keyFile", file, "has permissions that cannot be read: " + e.getMessage());
        }
    }

    private static boolean supportsPosix(Path directory) {
        return directory.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
