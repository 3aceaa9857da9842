/**
 * For backend implementers: the ports a backend provides (artifact store, environment access,
 * ledger, authenticator) and listeners. Application code uses the engine in {@code dev.airlock.promotion} instead.
 * The testkit ships a contract kit per port that every implementation must pass.
 */
@NullMarked
package dev.airlock.spi;

import org.jspecify.annotations.NullMarked;
