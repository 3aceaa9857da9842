package dev.airlock.testkit.aws.internal.kms;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;

/**
 * RSASSA-PSS (RFC 8017, section 8.1) with SHA-256, MGF1-SHA-256 and a 32-byte salt over a digest that was
 * computed elsewhere, as KMS signs with {@code MessageType DIGEST}. The JDK's RSASSA-PSS always hashes
 * the message itself, so a given digest needs the encoding done here; the result is a standard PSS
 * signature that the JDK verifies over the original message.
 */
final class PssDigest {
    private static final int HASH = 32;
    private static final int SALT = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PssDigest() {
    }

    static byte[] sign(RSAPrivateKey key, byte[] digest) {
        int modBits = key.getModulus().bitLength();
        byte[] salt = new byte[SALT];
        RANDOM.nextBytes(salt);
        byte[] encoded = encode(digest, salt, modBits - 1);
        BigInteger s = new BigInteger(1, encoded).modPow(key.getPrivateExponent(), key.getModulus());
        return unsigned(s, (modBits + 7) / 8);
    }

    static boolean verify(RSAPublicKey key, byte[] digest, byte[] signature) {
        int modBits = key.getModulus().bitLength();
        BigInteger s = new BigInteger(1, signature);
        if (signature.length != (modBits + 7) / 8 || s.compareTo(key.getModulus()) >= 0) {
            return false;
        }
        int emBits = modBits - 1;
        int emLen = (emBits + 7) / 8;
        byte[] em = unsigned(s.modPow(key.getPublicExponent(), key.getModulus()), emLen);
        if (em[emLen - 1] != (byte) 0xbc) {
            return false;
        }
        byte[] h = Arrays.copyOfRange(em, emLen - HASH - 1, emLen - 1);
        byte[] db = xor(Arrays.copyOfRange(em, 0, emLen - HASH - 1), mgf1(h, emLen - HASH - 1));
        db[0] &= (byte) (0xff >>> (8 * emLen - emBits));
        int one = emLen - HASH - SALT - 2;
        for (int i = 0; i < one; i++) {
            if (db[i] != 0) {
                return false;
            }
        }
        return db[one] == 1 && MessageDigest.isEqual(h,
                sha256(new byte[8], digest, Arrays.copyOfRange(db, db.length - SALT, db.length)));
    }

    private static byte[] encode(byte[] digest, byte[] salt, int emBits) {
        int emLen = (emBits + 7) / 8;
        byte[] h = sha256(new byte[8], digest, salt);
        byte[] db = new byte[emLen - HASH - 1];
        db[db.length - SALT - 1] = 1;
        System.arraycopy(salt, 0, db, db.length - SALT, SALT);
        byte[] masked = xor(db, mgf1(h, db.length));
        masked[0] &= (byte) (0xff >>> (8 * emLen - emBits));
        byte[] em = new byte[emLen];
        System.arraycopy(masked, 0, em, 0, masked.length);
        System.arraycopy(h, 0, em, masked.length, HASH);
        em[emLen - 1] = (byte) 0xbc;
        return em;
    }

    private static byte[] mgf1(byte[] seed, int length) {
        byte[] mask = new byte[length];
        for (int counter = 0, at = 0; at < length; counter++, at += HASH) {
            byte[] block = sha256(seed, new byte[] {(byte) (counter >>> 24), (byte) (counter >>> 16),
                    (byte) (counter >>> 8), (byte) counter});
            System.arraycopy(block, 0, mask, at, Math.min(HASH, length - at));
        }
        return mask;
    }

    private static byte[] xor(byte[] a, byte[] b) {
        byte[] out = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (byte) (a[i] ^ b[i]);
        }
        return out;
    }

    private static byte[] unsigned(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(bytes.length, length);
        System.arraycopy(bytes, bytes.length - copy, out, length - copy, copy);
        return out;
    }

    static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                sha.update(part);
            }
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
