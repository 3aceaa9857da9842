/**
 * Airlock in memory, for tests: in-memory implementations of every port (an artifact store per
 * account, environment access through a role chain with trust checked as STS checks it, a
 * hash-chained ledger) under core's real engine, a controllable clock, fault injection and call
 * records. Start at {@link dev.airlock.testkit.TestWorld}. No JUnit needed; the JUnit 5 extension
 * and assertions live apart in {@code dev.airlock.testkit.junit}.
 */
@NullMarked
package dev.airlock.testkit;

import org.jspecify.annotations.NullMarked;
