package dev.airlock.local;

import dev.airlock.AirlockException;
import java.nio.file.Path;

/**
 * A ledger file cannot be read as it is: its last line was torn by a crash, or a line (or the head
 * file beside it) cannot be read. Entries removed or rewritten are a
 * {@link dev.airlock.ledger.LedgerTamperedException} instead. The message names the file
 * and line and says what to do. Not retryable: a person has to look at the file.
 */
public class CorruptLedgerException extends AirlockException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;
    private final boolean tornTail;

    CorruptLedgerException(Path file, long line, boolean tornTail, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
        this.tornTail = tornTail;
    }

    static CorruptLedgerException incompleteLastLine(Path file, long line, long bytes, Path aside) {
        return new CorruptLedgerException(file, line, true, "the last line is incomplete (" + bytes
                + " bytes without a line end): an append was interrupted, probably by a crash, and its entry was"
                + " never acknowledged. Reads and appends are refused until it is removed: run `airlock ledger"
                + " repair` (Ledger.repair() from Java), which moves it to " + aside + ", or delete the partial"
                + " last line by hand");
    }

    static CorruptLedgerException unreadableLastLine(Path file, long line, String problem, Path aside) {
        return new CorruptLedgerException(file, line, true, "the last line cannot be read (" + problem
                + "): probably an append torn by a crash. Reads and appends are refused until it is removed: run"
                + " `airlock ledger repair` (Ledger.repair() from Java), which moves it to " + aside + ". If no"
                + " crash happened, the file was edited: restore it from a backup instead");
    }

    static CorruptLedgerException unreadableLine(Path file, long line, String problem) {
        return new CorruptLedgerException(file, line, false, problem + ". Lines after it follow, so this is not a"
                + " torn append: the file was damaged or edited. Restore it from a backup; compare with"
                + " LedgerChain.verify on the restored copy");
    }

    static CorruptLedgerException unreadableHeadMarker(Path marker) {
        return new CorruptLedgerException(marker, 1, false, "this is not a head file Airlock writes (a sequence"
                + " number and a hash): it was edited. Restore it from a backup with the ledger, or remove it if the"
                + " ledger verifies against a head you trust");
    }

    /** The ledger file. */
    public Path file() {
        return file;
    }

    /** The 1-based line the problem is on. */
    public long line() {
        return line;
    }

    /** Whether {@code airlock ledger repair} ({@link LocalFileLedger#repair()}) can fix it: only the last line is bad. */
    public boolean tornTail() {
        return tornTail;
    }
}
