package dev.airlock.aws.internal;

import dev.airlock.artifact.Digest;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.model.ChecksumType;

/** What the SHA-256 checksum S3 reports for an object says about whether it holds the bytes of a digest. */
public final class ChecksumCheck {
    private ChecksumCheck() {
    }

    /** The answer: the bytes are the digest's, they are not, or the checksum cannot tell (then read them back). */
    public sealed interface Verdict {
    }

    public record Match() implements Verdict {
    }

    /**
     * @param actual the digest of the stored bytes when S3 reported a whole-object SHA-256, else null
     * @param found  what was found, completing "expected D but ..."
     */
    public record Mismatch(@Nullable Digest actual, String found) implements Verdict {
    }

    /** @param why why the checksum cannot tell, for the log */
    public record Unknown(String why) implements Verdict {
    }

    /**
     * Judges S3's report on one object.
     *
     * @param reported the object's {@code ChecksumSHA256} as S3 reported it, null if it reported none
     * @param type     the reported {@code ChecksumType}; null when the service did not say (emulators), then
     *                 only a match proves anything
     * @param recorded the part checksums recorded at registration, null if the origin has none
     */
    public static Verdict judge(Digest digest, @Nullable String reported, @Nullable ChecksumType type,
            @Nullable PartChecksums recorded) {
        if (reported == null) {
            return new Unknown("S3 reports no SHA-256 checksum for it");
        }
        int dash = reported.lastIndexOf('-');
        String value = dash < 0 ? reported : reported.substring(0, dash);
        // Equal values prove the bytes whatever the type: a composite equal to the digest (or a whole-object
        // SHA-256 equal to the recorded composite) would take a SHA-256 preimage.
        if (value.equals(base64(digest)) || recorded != null && value.equals(valueOf(recorded.composite()))) {
            return new Match();
        }
        if (type == ChecksumType.FULL_OBJECT) {
            byte[] raw = decode(value);
            return raw == null || raw.length != 32 ? new Unknown("S3 reports a malformed SHA-256 checksum " + reported)
                    : new Mismatch(Digest.fromRaw(raw), "the stored bytes hash to " + Digest.fromRaw(raw));
        }
        if (type != ChecksumType.COMPOSITE) {
            // AWS always says; emulators that do not (moto) also report values computed from nothing in particular.
            return new Unknown("the service did not say what the checksum " + reported + " is of");
        }
        if (recorded == null) {
            return new Unknown("S3 reports a checksum of its parts and the origin has no record of the registered parts");
        }
        if (dash < 0 || !reported.substring(dash).equals(recorded.composite().substring(
                recorded.composite().lastIndexOf('-')))) {
            return new Unknown("it was written in other parts (" + reported + ") than the artifact was registered in ("
                    + recorded.composite() + ")");
        }
        return new Mismatch(null, "S3 reports the SHA-256 checksum " + reported + " of the stored parts, where the "
                + "registered bytes in parts of " + recorded.partSize() + " bytes give " + recorded.composite());
    }

    public static String base64(Digest digest) {
        return Base64.getEncoder().encodeToString(digest.raw());
    }

    private static String valueOf(String composite) {
        return composite.substring(0, composite.lastIndexOf('-'));
    }

    private static byte @Nullable [] decode(String value) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
