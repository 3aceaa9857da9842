package dev.airlock.spi;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reports to a {@link TransferProgress} how many bytes have been read, as they are read. */
final class CountingInputStream extends FilterInputStream {
    private final long total;
    private final TransferProgress progress;
    private long done;

    CountingInputStream(InputStream in, long total, TransferProgress progress) {
        super(in);
        this.total = total;
        this.progress = progress;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            progress.bytes(++done, total);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            done += n;
            progress.bytes(done, total);
        }
        return n;
    }
}
