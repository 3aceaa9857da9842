package dev.airlock.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Tells a {@link ProgressLine} how many of a file's bytes have been read. */
final class ProgressInputStream extends FilterInputStream {
    private final long total;
    private final ProgressLine progress;
    private long done;

    ProgressInputStream(InputStream in, long total, ProgressLine progress) {
        super(in);
        this.total = total;
        this.progress = progress;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            progress.update(++done, total);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            done += n;
            progress.update(done, total);
        }
        return n;
    }
}
