package dev.airlock.testkit.aws.internal;

import java.util.concurrent.ThreadLocalRandom;

/** Random identifiers in the shapes AWS uses. Not secure randomness: these are test doubles. */
public final class Ids {
    private static final String UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String BASE64ISH = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final String HEX = "0123456789abcdef";

    private Ids() {
    }

    /** {@code prefix} followed by 16 characters of [A-Z2-7], like {@code AKIA...} or {@code AROA...}. */
    public static String keyId(String prefix) {
        return prefix + random(UPPER_ALNUM, 16);
    }

    /** A 40-character secret access key. */
    public static String secret() {
        return random(BASE64ISH, 40);
    }

    /** An opaque session token. */
    public static String sessionToken() {
        return "FwoGZXIvYXdzE" + random(BASE64ISH, 160);
    }

    /** A request id as S3 prints it. */
    public static String requestId() {
        return random(UPPER_ALNUM, 16);
    }

    /** Lowercase hex of the given length, for version and upload ids. */
    public static String hex(int length) {
        return random(HEX, length);
    }

    private static String random(String alphabet, int length) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
