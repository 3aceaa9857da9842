package dev.airlock.cli;

import dev.airlock.ledger.LedgerEntry;
import dev.airlock.spi.PromotionListener;
import java.util.HashMap;
import java.util.Map;

/** Shows a promotion's copy on a {@link ProgressLine} while it runs, and clears it when the copy is recorded. */
final class TerminalProgress implements PromotionListener {
    private final Map<String, ProgressLine> lines = new HashMap<>();

    @Override
    public synchronized void onTransfer(Progress progress) {
        lines.computeIfAbsent(progress.promotionId(), id -> ProgressLine.onTerminal("copying "
                + progress.digest().shortForm() + " into " + progress.environment()))
                .update(progress.bytesDone(), progress.bytesTotal());
    }

    @Override
    public synchronized void onEntry(LedgerEntry entry) {
        ProgressLine line = entry.promotionId() == null ? null : lines.remove(entry.promotionId());
        if (line != null) {
            line.finish();
        }
    }
}
