package dev.airlock.aws.internal;

import dev.airlock.artifact.Digest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The SHA-256 checksum S3 reports for an object uploaded or copied in parts of {@code partSize} bytes: a
 * composite, {@code base64(sha256(sha256(part 1) || ... || sha256(part N)))-N}. S3 has no whole-object
 * SHA-256 for multipart objects (full-object checksums exist only for the CRC algorithms, which an
 * adversary can forge), so Airlock computes the composite from the bytes when it uploads them and keeps
 * it, with the part size, in the origin object's user metadata. A later copy made with the same part size
 * gets the same composite from S3, which then proves the copy holds the registered bytes without reading
 * them.
 *
 * @param partSize  the size of every part but the last
 * @param composite the composite checksum, with its {@code -N} suffix
 */
public record PartChecksums(long partSize, String composite) {
    /** User metadata keys on the origin object (S3 keeps them lower case, prefixed {@code x-amz-meta-}). */
    static final String PART_SIZE = "airlock-part-size";
    static final String SHA256 = "airlock-checksum-sha256";
    private static final Pattern COMPOSITE = Pattern.compile("([A-Za-z0-9+/]{43}=)-(\\d{1,5})");

    /** The record for parts of {@code partSize} bytes whose SHA-256 checksums (base64) are {@code parts}, in order. */
    public static PartChecksums of(long partSize, List<String> parts) {
        var concatenated = Digest.sha256();
        parts.forEach(part -> concatenated.update(Base64.getDecoder().decode(part)));
        return new PartChecksums(partSize, Base64.getEncoder().encodeToString(concatenated.digest()) + "-"
                + parts.size());
    }

    /** The record kept in {@code metadata}, or null when there is none or it is malformed (then nothing is trusted). */
    public static @Nullable PartChecksums from(Map<String, String> metadata) {
        String size = metadata.get(PART_SIZE);
        String composite = metadata.get(SHA256);
        if (size == null || composite == null || !size.matches("\\d{1,12}")
                || !COMPOSITE.matcher(composite).matches()) {
            return null;
        }
        return new PartChecksums(Long.parseLong(size), composite);
    }

    /** Whether this record describes an object of {@code size} bytes, in as many parts as its suffix says. */
    public boolean describes(long size) {
        Matcher matcher = COMPOSITE.matcher(composite);
        return partSize > 0 && matcher.matches()
                && Long.parseLong(matcher.group(2)) == (size + partSize - 1) / partSize;
    }

    public Map<String, String> metadata() {
        return Map.of(PART_SIZE, Long.toString(partSize), SHA256, composite);
    }
}
