/** Not API: the promotion engine's view of the ledger and its append loop. */
@NullMarked
package dev.airlock.internal.promotion;

import org.jspecify.annotations.NullMarked;
