package dev.airlock.artifact;

import static dev.airlock.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DigestTest {
    /** SHA-256("abc"), from FIPS 180-2 appendix B.1. */
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String RULE = "must be 'sha256:' followed by 64 lowercase hex digits";

    @Test
    void of_abc_matchesTheKnownSha256Vector() {
        assertEquals(Digest.parse("sha256:" + ABC), Digest.of("abc".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void of_noBytes_matchesTheKnownSha256Vector() {
        assertEquals("sha256:" + EMPTY, Digest.of(new byte[0]).value());
    }

    @Test
    void of_streamSpanningManyChunks_equalsDigestOfTheSameBytes() {
        byte[] bytes = new byte[300_000]; // several of the 64 KiB read buffers, and a partial last one
        new Random(42).nextBytes(bytes);

        assertEquals(Digest.of(bytes), Digest.of(new ByteArrayInputStream(bytes)));
    }

    @Test
    void of_streamReturningShortReads_equalsDigestOfTheSameBytes() {
        byte[] bytes = new byte[10_000];
        new Random(7).nextBytes(bytes);
        InputStream trickle = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 97));
            }
        };

        assertEquals(Digest.of(bytes), Digest.of(trickle));
    }

    @Test
    void of_stream_leavesTheStreamOpen() {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream("abc".getBytes(StandardCharsets.US_ASCII)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        assertEquals("sha256:" + ABC, Digest.of(in).value());
        assertFalse(closed[0]);
    }

    @Test
    void of_streamThatFails_throwsUncheckedKeepingTheCause() {
        IOException failure = new IOException("disk gone");
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw failure;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                throw failure;
            }
        };

        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Digest.of(broken));
        assertSame(failure, e.getCause());
    }

    @Test
    void parse_ofValidDigest_exposesHexRawAndShortForm() {
        Digest digest = Digest.parse("sha256:" + ABC);

        assertEquals("sha256:" + ABC, digest.value());
        assertEquals("sha256:" + ABC, digest.toString());
        assertEquals(ABC, digest.hex());
        assertEquals("sha256:ba7816bf8f01", digest.shortForm());
        assertEquals(32, digest.raw().length);
        assertEquals((byte) 0xba, digest.raw()[0]);
        assertEquals((byte) 0xad, digest.raw()[31]);
    }

    @Test
    void raw_andFromRaw_roundTrip() {
        Digest digest = Digest.of("abc".getBytes(StandardCharsets.US_ASCII));

        assertEquals(digest, Digest.fromRaw(digest.raw()));
        assertArrayEquals(digest.raw(), Digest.sha256().digest("abc".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void raw_returnsAFreshCopy() {
        Digest digest = Digest.parse("sha256:" + ABC);
        digest.raw()[0] = 0;

        assertEquals((byte) 0xba, digest.raw()[0]);
    }

    @Test
    void ofHex_addsThePrefix() {
        assertEquals(Digest.parse("sha256:" + ABC), Digest.ofHex(ABC));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 16, 31, 33, 64})
    void fromRaw_ofWrongLength_isRejected(int length) {
        assertRejected(() -> Digest.fromRaw(new byte[length]), "digest", length + " bytes",
                "must be exactly 32 bytes of SHA-256");
    }

    static Stream<String> malformedDigests() {
        return Stream.of("", "sha256:", ABC, "sha256:" + ABC.toUpperCase(Locale.ROOT), "SHA256:" + ABC,
                "sha512:" + ABC, "sha256:a", "sha256:" + ABC.substring(1), "sha256:" + ABC + "0",
                "sha256:" + "g".repeat(64), " sha256:" + ABC, "sha256:" + ABC + " ", "sha256::" + ABC, "md5:" + ABC,
                "sha256:" + ABC.substring(0, 63) + "\n");
    }

    @ParameterizedTest
    @MethodSource("malformedDigests")
    void parse_ofMalformedValue_isRejected(String value) {
        assertRejected(() -> Digest.parse(value), "digest", value, RULE);
    }

    @Test
    void ofHex_ofMalformedHex_isRejectedShowingTheWholeValue() {
        assertRejected(() -> Digest.ofHex("abc"), "digest", "sha256:abc", RULE);
    }

    @Test
    void parse_ofNull_isRejectedAsRequired() {
        assertRejected(() -> Digest.parse(null), "digest", "null", "is required");
    }

    @Test
    void equality_isByValue() {
        Digest digest = Digest.ofHex(ABC);

        assertEquals(digest, Digest.parse("sha256:" + ABC));
        assertEquals(digest.hashCode(), Digest.parse("sha256:" + ABC).hashCode());
        assertNotEquals(digest, Digest.ofHex(EMPTY));
    }

    @Test
    void compareTo_followsTheHexValue() {
        assertTrue(Digest.ofHex(ABC).compareTo(Digest.ofHex(EMPTY)) < 0);
        assertEquals(0, Digest.ofHex(ABC).compareTo(Digest.parse("sha256:" + ABC)));
    }
}
