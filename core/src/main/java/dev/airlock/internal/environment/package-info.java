/**
 * Not API: the invariants of a landscape, shared by {@link dev.airlock.environment.Landscape}'s
 * constructor and the configuration loader, which maps each violation's path back to a line and column.
 */
@NullMarked
package dev.airlock.internal.environment;

import org.jspecify.annotations.NullMarked;
