/** The append-only, hash-chained audit ledger: entries, chain hashing and verification. */
@NullMarked
package dev.airlock.ledger;

import org.jspecify.annotations.NullMarked;
