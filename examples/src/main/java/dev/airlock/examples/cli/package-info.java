/** The {@code airlock} command-line tool. */
package dev.airlock.examples.cli;
