/**
 * The {@code airlock-maven-plugin} goals: {@code register}, {@code plan}, {@code promote} and
 * {@code verify-ledger}, over the same configuration file and backends as the {@code airlock} CLI.
 * Not an API: depend on the goals and their parameters, not on these classes.
 */
@NullMarked
package dev.airlock.maven;

import org.jspecify.annotations.NullMarked;
