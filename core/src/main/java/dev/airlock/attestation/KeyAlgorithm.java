package dev.airlock.attestation;

import dev.airlock.InvalidValueException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Locale;

/** The signature algorithms Airlock signs and verifies with, all from the JDK's own providers. */
public enum KeyAlgorithm {
    /** Ed25519 (RFC 8032); local keys. */
    ED25519("ed25519", "Ed25519"),
    /** ECDSA on P-256 with SHA-256, DER signatures; local keys and KMS {@code ECC_NIST_P256}. */
    ECDSA_P256_SHA256("ecdsa-p256", "SHA256withECDSA"),
    /** RSASSA-PSS with SHA-256 and a 32-byte salt; KMS RSA keys ({@code RSASSA_PSS_SHA_256}). */
    RSA_PSS_SHA256("rsa-pss-sha256", "RSASSA-PSS");

    private final String configName;
    private final String jcaName;

    KeyAlgorithm(String configName, String jcaName) {
        this.configName = configName;
        this.jcaName = jcaName;
    }

    /** The name used in key files and the configuration. */
    public String configName() {
        return configName;
    }

    /** A fresh JCA signature object for this algorithm, parameters set. */
    public Signature newSignature() {
        try {
            Signature signature = Signature.getInstance(jcaName);
            if (this == RSA_PSS_SHA256) {
                signature.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            }
            return signature;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("this JDK lacks " + jcaName, e);
        }
    }

    /** The algorithm a public key verifies with; ECDSA only on P-256. */
    public static KeyAlgorithm of(PublicKey key) {
        if (key instanceof EdECPublicKey ed && "Ed25519".equalsIgnoreCase(ed.getParams().getName())) {
            return ED25519;
        }
        if (key instanceof ECPublicKey ec && isP256(ec.getParams())) {
            return ECDSA_P256_SHA256;
        }
        if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() >= 2048) {
            return RSA_PSS_SHA256;
        }
        throw new InvalidValueException("publicKey", key.getAlgorithm(), "is not a key Airlock verifies with: use "
                + "Ed25519, ECDSA P-256 or RSA of 2048 bits or more");
    }

    static boolean isP256(ECParameterSpec params) {
        // P-256's order; comparing it avoids depending on provider-specific curve names.
        return params.getOrder().toString(16).equals(
                "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");
    }

    /** Parses a configuration name such as {@code ed25519}. */
    public static KeyAlgorithm parse(String name) {
        for (KeyAlgorithm algorithm : values()) {
            if (algorithm.configName.equals(name.toLowerCase(Locale.ROOT))) {
                return algorithm;
            }
        }
        throw new InvalidValueException("algorithm", name, "is not one of ed25519, ecdsa-p256, rsa-pss-sha256");
    }
}
