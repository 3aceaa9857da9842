package dev.airlock.local;

import dev.airlock.ledger.MalformedEntryException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Collects the bytes of one line as chunks of a file are scanned; and the byte-level helpers around it. */
final class LineBuffer {
    private byte[] bytes = new byte[512];
    private int length;

    void add(byte[] source, int from, int to) {
        int count = to - from;
        if (length + count > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + count));
        }
        System.arraycopy(source, from, bytes, length, count);
        length += count;
    }

    int length() {
        return length;
    }

    /** The collected bytes; the buffer is empty afterwards. */
    byte[] take() {
        byte[] line = Arrays.copyOf(bytes, length);
        length = 0;
        return line;
    }

    /** Strict UTF-8: a ledger is evidence, so undecodable bytes are an error, not a replacement character. */
    static String decode(byte[] bytes, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedEntryException("not valid UTF-8", e);
        }
    }

    /** Reads from {@code position} until {@code buffer} is full or the file ends. */
    static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                return;
            }
        }
    }
}
