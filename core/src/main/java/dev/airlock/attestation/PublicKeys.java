package dev.airlock.attestation;

import dev.airlock.InvalidValueException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/** Public keys as text: PEM or bare base64 of the DER SubjectPublicKeyInfo, as {@code openssl} writes them. */
public final class PublicKeys {
    private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String END = "-----END PUBLIC KEY-----";

    private PublicKeys() {
    }

    /**
     * Reads a public key from PEM or bare base64 SubjectPublicKeyInfo.
     *
     * @throws InvalidValueException when the text is no Ed25519, P-256 or RSA public key
     */
    public static PublicKey parse(String text) {
        String body = text.replace(BEGIN, "").replace(END, "").replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("publicKey", abbreviate(body), "is not base64 (PEM or bare "
                    + "SubjectPublicKeyInfo, as `openssl pkey -pubout` writes)");
        }
        for (String algorithm : new String[] {"Ed25519", "EC", "RSA"}) {
            try {
                PublicKey key = KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
                KeyAlgorithm.of(key);
                return key;
            } catch (GeneralSecurityException | ClassCastException tryNext) {
                // not this algorithm
            }
        }
        throw new InvalidValueException("publicKey", abbreviate(body), "is not an Ed25519, ECDSA P-256 or RSA public key");
    }

    /** The key as PEM. */
    public static String pem(PublicKey key) {
        return BEGIN + "\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded()) + "\n"
                + END + "\n";
    }

    /** The key as bare base64 on one line, for a configuration value. */
    public static String base64(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** A short, stable name for a key: {@code sha256:} and 16 hex digits of its SubjectPublicKeyInfo's hash. */
    public static String keyId(PublicKey key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return "sha256:" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 24 ? text : text.substring(0, 24) + "…";
    }
}
