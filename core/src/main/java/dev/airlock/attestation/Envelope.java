package dev.airlock.attestation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.InvalidValueException;
import dev.airlock.spi.Signer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A DSSE envelope (Dead Simple Signing Envelope, v1): a payload, its type, and signatures over the
 * pre-authentication encoding of both ({@link #pae}), so a signature can never be reused for another
 * payload type. Airlock's payloads are in-toto Statements ({@link Statement}).
 *
 * @param payloadType what the payload is, e.g. {@code application/vnd.in-toto+json}
 * @param payload     the signed bytes, exactly as signed
 * @param signatures  one or more signatures; the key id is a hint only
 */
public record Envelope(String payloadType, byte[] payload, List<Signature> signatures) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One signature: the key id hint and the signature bytes. */
    public record Signature(String keyId, byte[] sig) {
    }

    public Envelope {
        InvalidValueException.requireNonNull("payloadType", payloadType);
        payload = InvalidValueException.requireNonNull("payload", payload).clone();
        signatures = List.copyOf(signatures);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** Signs {@code payload} of {@code payloadType} with {@code signer}. */
    public static Envelope sign(String payloadType, byte[] payload, Signer signer) {
        byte[] sig = signer.sign(pae(payloadType, payload));
        return new Envelope(payloadType, payload, List.of(new Signature(signer.keyId(), sig)));
    }

    /**
     * DSSE's pre-authentication encoding: {@code "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body},
     * lengths as ASCII decimal byte counts. This, not the payload, is what is signed.
     */
    public static byte[] pae(String payloadType, byte[] payload) {
        byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(type.length + payload.length + 32);
        out.writeBytes(("DSSEv1 " + type.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(type);
        out.writeBytes((" " + payload.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /** The envelope as DSSE's JSON encoding, on one line. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode().put("payloadType", payloadType)
                .put("payload", Base64.getEncoder().encodeToString(payload));
        signatures.forEach(s -> root.withArray("signatures").addObject().put("keyid", s.keyId())
                .put("sig", Base64.getEncoder().encodeToString(s.sig())));
        return root.toString();
    }

    /**
     * Reads DSSE's JSON encoding (standard or URL-safe base64).
     *
     * @throws InvalidValueException naming what is missing or malformed
     */
    public static Envelope parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new InvalidValueException("envelope", abbreviate(json), "is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidValueException("envelope", abbreviate(json), "must be a JSON object");
        }
        String type = text(root, "payloadType");
        byte[] payload = base64(text(root, "payload"), "payload");
        JsonNode sigs = root.get("signatures");
        if (sigs == null || !sigs.isArray() || sigs.isEmpty()) {
            throw new InvalidValueException("signatures", sigs, "must be a non-empty array");
        }
        List<Signature> signatures = new ArrayList<>();
        for (JsonNode s : sigs) {
            JsonNode keyId = s.get("keyid");
            signatures.add(new Signature(keyId == null || keyId.isNull() ? "" : keyId.asText(),
                    base64(text(s, "sig"), "sig")));
        }
        return new Envelope(type, payload, signatures);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new InvalidValueException(field, value, "is required and must be a string");
        }
        return value.asText();
    }

    private static byte[] base64(String text, String field) {
        try {
            return text.indexOf('-') >= 0 || text.indexOf('_') >= 0 ? Base64.getUrlDecoder().decode(text)
                    : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(field, abbreviate(text), "is not base64");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Envelope other && payloadType.equals(other.payloadType)
                && java.util.Arrays.equals(payload, other.payload) && toJson().equals(other.toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }

    @Override
    public String toString() {
        return "Envelope[payloadType=" + payloadType + ", " + payload.length + " bytes, " + signatures.size()
                + " signature(s)]";
    }
}
