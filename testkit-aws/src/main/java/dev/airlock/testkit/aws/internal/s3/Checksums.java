package dev.airlock.testkit.aws.internal.s3;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumType;

/**
 * The checksums S3 computes over object bytes: MD5 for ETags and Content-MD5, and the flexible
 * checksums CRC32, CRC32C, SHA-1 and SHA-256, base64-encoded as S3 returns them. A multipart object's
 * checksum is composite: the checksum of the concatenated part checksums, suffixed with the part count.
 */
final class Checksums {
    static final Set<ChecksumAlgorithm> SUPPORTED =
            Set.of(ChecksumAlgorithm.CRC32, ChecksumAlgorithm.CRC32_C, ChecksumAlgorithm.SHA1, ChecksumAlgorithm.SHA256);

    /** A checksum stored with an object. */
    record Stored(ChecksumAlgorithm algorithm, String value, ChecksumType type) {
    }

    /** A checksum value a request carries, for the service to verify. */
    record Provided(ChecksumAlgorithm algorithm, String value) {
    }

    private Checksums() {
    }

    /** The one checksum value a request carries, if any; S3 refuses more than one. */
    static @Nullable Provided provided(@Nullable String crc32, @Nullable String crc32c, @Nullable String sha1,
            @Nullable String sha256) {
        List<Provided> given = new ArrayList<>();
        if (crc32 != null) {
            given.add(new Provided(ChecksumAlgorithm.CRC32, crc32));
        }
        if (crc32c != null) {
            given.add(new Provided(ChecksumAlgorithm.CRC32_C, crc32c));
        }
        if (sha1 != null) {
            given.add(new Provided(ChecksumAlgorithm.SHA1, sha1));
        }
        if (sha256 != null) {
            given.add(new Provided(ChecksumAlgorithm.SHA256, sha256));
        }
        if (given.size() > 1) {
            throw S3Errors.invalidRequest("Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.");
        }
        return given.isEmpty() ? null : given.get(0);
    }

    /**
     * The checksum S3 stores for uploaded bytes: a provided value is verified (BadDigest when the bytes
     * differ); a requested algorithm without a value is computed, as the SDK would before sending.
     */
    static @Nullable Stored verify(byte[] data, @Nullable ChecksumAlgorithm requested, @Nullable Provided provided) {
        if (provided != null) {
            if (requested != null && requested != provided.algorithm()) {
                throw S3Errors.invalidRequest("Checksum Type mismatch occurred, expected checksum Type: "
                        + requested + ", actual checksum Type: " + provided.algorithm());
            }
            String computed = of(provided.algorithm(), data);
            if (!computed.equals(provided.value())) {
                throw S3Errors.badDigest(provided.algorithm().toString());
            }
            return new Stored(provided.algorithm(), computed, ChecksumType.FULL_OBJECT);
        }
        if (requested != null) {
            return new Stored(requested, of(requested, data), ChecksumType.FULL_OBJECT);
        }
        return null;
    }

    /** Verifies a Content-MD5 header. */
    static void verifyContentMd5(byte[] data, @Nullable String contentMd5) {
        if (contentMd5 != null && !contentMd5.equals(contentMd5(data))) {
            throw S3Errors.of(400, "BadDigest", "The Content-MD5 you specified did not match what we received.");
        }
    }

    static ChecksumAlgorithm requireSupported(ChecksumAlgorithm algorithm) {
        if (!SUPPORTED.contains(algorithm)) {
            throw new UnsupportedOperationException("FakeS3Client does not compute " + algorithm
                    + " checksums; use one of " + SUPPORTED);
        }
        return algorithm;
    }

    /** The base64 checksum of {@code data}. */
    static String of(ChecksumAlgorithm algorithm, byte[] data) {
        return Base64.getEncoder().encodeToString(raw(algorithm, data));
    }

    /** The composite checksum of a multipart object from its parts' base64 checksums. */
    static String composite(ChecksumAlgorithm algorithm, List<String> parts) {
        ByteArrayOutputStream concatenated = new ByteArrayOutputStream();
        for (String part : parts) {
            concatenated.writeBytes(Base64.getDecoder().decode(part));
        }
        return of(algorithm, concatenated.toByteArray()) + "-" + parts.size();
    }

    private static byte[] raw(ChecksumAlgorithm algorithm, byte[] data) {
        return switch (requireSupported(algorithm)) {
            case CRC32 -> crc(new CRC32(), data);
            case CRC32_C -> crc(new CRC32C(), data);
            case SHA1 -> digest("SHA-1", data);
            case SHA256 -> digest("SHA-256", data);
            default -> throw new IllegalStateException("unreachable: " + algorithm);
        };
    }

    private static byte[] crc(Checksum checksum, byte[] data) {
        checksum.update(data, 0, data.length);
        return ByteBuffer.allocate(4).putInt((int) checksum.getValue()).array();
    }

    static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every Java platform", e);
        }
    }

    /** The quoted hex MD5 ETag of a single-part object. */
    static String etag(byte[] data) {
        return "\"" + HexFormat.of().formatHex(digest("MD5", data)) + "\"";
    }

    /** The quoted ETag of a multipart object from its parts' ETags: MD5 of the parts' MD5s, dash, part count. */
    static String multipartEtag(List<String> partEtags) {
        ByteArrayOutputStream md5s = new ByteArrayOutputStream();
        for (String etag : partEtags) {
            md5s.writeBytes(HexFormat.of().parseHex(unquote(etag)));
        }
        return "\"" + HexFormat.of().formatHex(digest("MD5", md5s.toByteArray())) + "-" + partEtags.size() + "\"";
    }

    /** The base64 MD5 that Content-MD5 carries. */
    static String contentMd5(byte[] data) {
        return Base64.getEncoder().encodeToString(digest("MD5", data));
    }

    /** The member name of an algorithm's checksum field, such as {@code ChecksumSHA256}. */
    static String member(ChecksumAlgorithm algorithm) {
        return "Checksum" + algorithm;
    }

    /** Sets the stored checksum (value and type) on a response or result builder, through the SDK's field model. */
    static <B extends SdkPojo> B put(B builder, @Nullable Stored checksum, boolean withType) {
        if (checksum != null) {
            set(builder, member(checksum.algorithm()), checksum.value());
            if (withType) {
                set(builder, "ChecksumType", checksum.type().toString());
            }
        }
        return builder;
    }

    private static void set(SdkPojo builder, String member, String value) {
        for (SdkField<?> field : builder.sdkFields()) {
            if (field.memberName().equals(member)) {
                field.set(builder, value);
                return;
            }
        }
        throw new IllegalStateException(builder.getClass().getSimpleName() + " has no field " + member);
    }

    /** Whether two ETags name the same bytes, ignoring the quotes callers may drop. */
    static boolean sameEtag(String a, String b) {
        return unquote(a).equals(unquote(b));
    }

    private static String unquote(String etag) {
        String trimmed = etag.trim();
        return trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")
                ? trimmed.substring(1, trimmed.length() - 1)
                : trimmed;
    }
}
