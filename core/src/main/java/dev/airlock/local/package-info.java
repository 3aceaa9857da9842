/**
 * The embedded default backend: everything Airlock needs on one machine, without a cloud account.
 * The ledger is a hash-chained JSON-lines file appended under an OS file lock; the artifact store
 * keeps content-addressed files, one directory per place, written atomically; environment access
 * checks the environment exists and records who opened it. {@link dev.airlock.local.LocalBackend}
 * hands out all three with a conventional layout under one directory.
 */
@NullMarked
package dev.airlock.local;

import org.jspecify.annotations.NullMarked;
