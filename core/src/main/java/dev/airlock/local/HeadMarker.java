package dev.airlock.local;

import dev.airlock.InvalidValueException;
import dev.airlock.ledger.LedgerHead;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The last head appended to a local ledger, in a small file beside it, so that entries cut from the
 * end of the ledger file are noticed by any process, not only by the one that read them. It is
 * replaced atomically after each append and not forced to disk: after a crash it may lag behind the
 * ledger, never run ahead of it. Whoever can edit the ledger can edit this file too; against them,
 * pin the head somewhere else ({@code verify-ledger --expected-head}).
 */
final class HeadMarker {
    private HeadMarker() {
    }

    static void write(Path marker, LedgerHead head) throws IOException {
        Path temporary = marker.resolveSibling(marker.getFileName() + ".tmp");
        Files.writeString(temporary, head.sequence() + " " + head.hash() + "\n", StandardCharsets.UTF_8);
        Files.move(temporary, marker, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * The head last written, or the empty head when there is none.
     *
     * @throws CorruptLedgerException when the marker is not one Airlock wrote
     */
    static LedgerHead read(Path marker) throws IOException {
        String text;
        try {
            text = Files.readString(marker, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            return LedgerHead.empty();
        }
        if (text.isEmpty()) {
            return LedgerHead.empty(); // a crash between writing and renaming the file: it only lags
        }
        String[] parts = text.split(" ");
        try {
            if (parts.length == 2) {
                return new LedgerHead(Long.parseLong(parts[0]), parts[1]);
            }
        } catch (NumberFormatException | InvalidValueException e) {
            // reported below
        }
        throw CorruptLedgerException.unreadableHeadMarker(marker);
    }
}
