package dev.airlock.testkit.contract;

import dev.airlock.ledger.LedgerEntry;
import dev.airlock.ledger.LedgerEntryCodec;
import dev.airlock.local.LocalFileLedger;
import dev.airlock.spi.Ledger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.io.TempDir;

class LocalFileLedgerContractTest extends LedgerContract<LocalFileLedger> {
    @TempDir
    Path directory;
    private int ledgers;

    /** A new file each time: the kit compares ledgers that must share nothing. */
    @Override
    protected LocalFileLedger createLedger() {
        return LocalFileLedger.open(directory.resolve("ledger-" + ++ledgers + ".jsonl"));
    }

    /** A second process opens the same file through its own instance; the file lock keeps them apart. */
    @Override
    protected Ledger anotherWriter(LocalFileLedger ledger) {
        return LocalFileLedger.open(ledger.file());
    }

    /** Rewrites the file as an editor with write access would, one entry per line in the stored encoding. */
    @Override
    protected void tamper(LocalFileLedger ledger, UnaryOperator<List<LedgerEntry>> rewrite) {
        List<LedgerEntry> rewritten = rewrite.apply(new ArrayList<>(ledger.read(1)));
        StringBuilder lines = new StringBuilder();
        rewritten.forEach(entry -> lines.append(LedgerEntryCodec.toJson(entry)).append('\n'));
        try {
            Files.writeString(ledger.file(), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
