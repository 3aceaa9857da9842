package dev.airlock.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.airlock.artifact.Digest;
import dev.airlock.aws.internal.ChecksumCheck;
import dev.airlock.aws.internal.ChecksumCheck.Match;
import dev.airlock.aws.internal.ChecksumCheck.Mismatch;
import dev.airlock.aws.internal.ChecksumCheck.Unknown;
import dev.airlock.aws.internal.PartChecksums;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.ChecksumType;

/** What a reported SHA-256 checksum proves, and what it leaves to reading the bytes back. */
class ChecksumCheckTest {
    private static final Digest DIGEST = digest("artifact");
    private static final Digest OTHER = digest("other");
    private static final PartChecksums RECORDED = PartChecksums.of(5, List.of(b64(digest("part 1")),
            b64(digest("part 2"))));
    private static final PartChecksums OTHER_PARTS = PartChecksums.of(5, List.of(b64(digest("part 1")),
            b64(digest("tampered"))));

    @Test
    void wholeObjectChecksum_provesOrRefutesTheDigest() {
        assertInstanceOf(Match.class, ChecksumCheck.judge(DIGEST, b64(DIGEST), ChecksumType.FULL_OBJECT, null));

        Mismatch mismatch = (Mismatch) ChecksumCheck.judge(DIGEST, b64(OTHER), ChecksumType.FULL_OBJECT, RECORDED);

        assertEquals(OTHER, mismatch.actual());
    }

    @Test
    void compositeChecksum_isJudgedAgainstTheRecordOfTheRegisteredParts() {
        assertInstanceOf(Match.class, ChecksumCheck.judge(DIGEST, RECORDED.composite(), ChecksumType.COMPOSITE,
                RECORDED));

        Mismatch mismatch = (Mismatch) ChecksumCheck.judge(DIGEST, OTHER_PARTS.composite(), ChecksumType.COMPOSITE,
                RECORDED);

        assertNull(mismatch.actual());
    }

    @Test
    void whatTheChecksumCannotSettle_isLeftToReadingBack() {
        assertInstanceOf(Unknown.class, ChecksumCheck.judge(DIGEST, null, null, RECORDED), "no SHA-256 at all");
        assertInstanceOf(Unknown.class, ChecksumCheck.judge(DIGEST, RECORDED.composite(), ChecksumType.COMPOSITE,
                null), "no record of the parts");
        assertInstanceOf(Unknown.class, ChecksumCheck.judge(DIGEST, OTHER_PARTS.composite().replace("-2", "-3"),
                ChecksumType.COMPOSITE, RECORDED), "written in other parts");
        assertInstanceOf(Unknown.class, ChecksumCheck.judge(DIGEST, b64(OTHER), null, RECORDED),
                "the service did not say what kind of checksum it is");
    }

    @Test
    void aMatch_needsNoType_andIgnoresTheSuffixEmulatorsLeaveOff() {
        String withoutSuffix = RECORDED.composite().substring(0, RECORDED.composite().indexOf('-'));

        assertInstanceOf(Match.class, ChecksumCheck.judge(DIGEST, b64(DIGEST), null, null));
        assertInstanceOf(Match.class, ChecksumCheck.judge(DIGEST, withoutSuffix, null, RECORDED));
    }

    @Test
    void record_isReadBackFromMetadata_andAMalformedOneIsIgnored() {
        assertEquals(RECORDED, PartChecksums.from(RECORDED.metadata()));
        assertNull(PartChecksums.from(Map.of("airlock-part-size", "5", "airlock-checksum-sha256", "not base64")));
        assertNull(PartChecksums.from(Map.of()));
        assertEquals(true, RECORDED.describes(10));
        assertEquals(false, RECORDED.describes(11), "11 bytes in parts of 5 are three parts");
    }

    private static Digest digest(String text) {
        return Digest.of(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String b64(Digest digest) {
        return ChecksumCheck.base64(digest);
    }
}
