package dev.airlock.local;

import java.nio.file.Path;

/**
 * What {@link LocalFileLedger#repairTornTail()} removed from the end of a ledger file.
 *
 * @param line      the 1-based line the torn entry started on
 * @param offset    the byte offset the file was truncated to
 * @param bytes     how many bytes were removed
 * @param movedTo   the file that now holds the removed bytes, unchanged, for inspection
 */
public record TornTail(long line, long offset, long bytes, Path movedTo) {
}
