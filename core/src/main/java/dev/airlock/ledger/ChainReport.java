package dev.airlock.ledger;

import dev.airlock.InvalidValueException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The result of walking a ledger's hash chain: how many entries were found intact and, if the
 * chain is broken, the first broken link. Later links are not examined: once one link is broken,
 * nothing after it can be trusted anyway.
 *
 * @param entriesChecked entries verified intact, in order from the first, before the break (all of
 *                       them when the chain is intact)
 * @param brokenLink     the first broken link, or null when the chain is intact
 */
public record ChainReport(long entriesChecked, @Nullable BrokenLink brokenLink) {

    public ChainReport {
        if (entriesChecked < 0) {
            throw new InvalidValueException("entriesChecked", entriesChecked, "must not be negative");
        }
    }

    /** A report on an intact chain of {@code entriesChecked} entries. */
    public static ChainReport intact(long entriesChecked) {
        return new ChainReport(entriesChecked, null);
    }

    /** Whether every link holds. */
    public boolean ok() {
        return brokenLink == null;
    }

    /** The first broken link, if any. */
    public Optional<BrokenLink> firstBrokenLink() {
        return Optional.ofNullable(brokenLink);
    }

    /** One line for people: {@code ledger intact: 12 entries} or the broken link's message. */
    public String summary() {
        return brokenLink == null
                ? "ledger intact: " + entriesChecked + (entriesChecked == 1 ? " entry" : " entries")
                : "ledger broken after " + entriesChecked + " intact " + (entriesChecked == 1 ? "entry" : "entries")
                        + ": " + brokenLink.message();
    }

    @Override
    public String toString() {
        return summary();
    }
}
