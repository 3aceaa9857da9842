package dev.airlock.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where an entry's line starts in a JSON-lines ledger without reading the lines before it: the
 * lines are in sequence order, so a binary search over byte offsets reads a few lines, not the file.
 * What it finds is a hint: the caller reads from there and verifies the chain as usual.
 */
final class LineSeeker {
    /** Every line starts with its sequence number: LedgerEntryCodec writes that field first. */
    private static final Pattern SEQUENCE = Pattern.compile("^\\{\"sequence\":(\\d{1,19}),");
    private static final int PROBE = 512;

    private LineSeeker() {
    }

    /**
     * The offset of the line holding entry {@code sequence} among the first {@code size} bytes, or -1
     * when no complete line holds it or a probed line is not an entry.
     */
    static long offsetOf(FileChannel channel, long size, long sequence) throws IOException {
        long low = 0;
        long high = size;
        // The line holding the entry starts in [low, high).
        while (low < high) {
            long middle = low + (high - low) / 2;
            long start = lineStartAtOrAfter(channel, middle, size);
            if (start < 0) {
                high = middle;
                continue;
            }
            long found = sequenceAt(channel, start, size);
            if (found < 0) {
                return -1;
            }
            if (found == sequence) {
                return start;
            }
            if (found < sequence) {
                low = start + 1;
            } else {
                high = middle; // no line starts in [middle, start)
            }
        }
        return -1;
    }

    /** The bytes of the line that ends just before {@code offset}, line end included; empty at offset 0. */
    static byte[] lineBefore(FileChannel channel, long offset) throws IOException {
        long start = offset - 1;
        while (start > 0) {
            long from = Math.max(0, start - PROBE);
            ByteBuffer chunk = ByteBuffer.allocate((int) (start - from));
            LineBuffer.readFully(channel, chunk, from);
            int newline = lastNewline(chunk.array());
            if (newline >= 0) {
                start = from + newline + 1;
                break;
            }
            start = from;
        }
        ByteBuffer line = ByteBuffer.allocate((int) (offset - Math.max(start, 0)));
        LineBuffer.readFully(channel, line, Math.max(start, 0));
        return line.array();
    }

    private static int lastNewline(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** The first line start at or after {@code position}, or -1 when no line starts there before {@code size}. */
    private static long lineStartAtOrAfter(FileChannel channel, long position, long size) throws IOException {
        if (position == 0) {
            return 0;
        }
        long at = position - 1;
        while (at < size) {
            ByteBuffer chunk = ByteBuffer.allocate((int) Math.min(PROBE, size - at));
            LineBuffer.readFully(channel, chunk, at);
            byte[] bytes = chunk.array();
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    long start = at + i + 1;
                    return start < size ? start : -1;
                }
            }
            at += bytes.length;
        }
        return -1;
    }

    /** The sequence number of the line at {@code start}, or -1 when it does not start like an entry. */
    private static long sequenceAt(FileChannel channel, long start, long size) throws IOException {
        ByteBuffer head = ByteBuffer.allocate((int) Math.min(64, size - start));
        LineBuffer.readFully(channel, head, start);
        Matcher matcher = SEQUENCE.matcher(new String(head.array(), StandardCharsets.UTF_8));
        if (!matcher.find()) {
            return -1;
        }
        try {
            return Long.parseLong(matcher.group(1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
