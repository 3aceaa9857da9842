package dev.airlock.gate;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * HMAC-SHA256 signatures as the gate protocol writes them in {@value #HEADER}: {@code sha256=<hex>}.
 * Holds the secret and never shows it.
 */
final class HmacSignature {
    static final String HEADER = "X-Airlock-Signature-256";
    private static final String PREFIX = "sha256=";

    private final SecretKeySpec key;

    HmacSignature(byte[] secret) {
        if (secret.length == 0) {
            throw new IllegalArgumentException("the gate secret must not be empty");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    /** The header value signing {@code body}. */
    String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }

    /** Whether {@code header} signs {@code body}; compared in constant time. */
    boolean verifies(byte[] body, @Nullable String header) {
        return header != null && MessageDigest.isEqual(sign(body).getBytes(StandardCharsets.US_ASCII),
                header.trim().getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "HmacSignature[secret hidden]";
    }
}
