/** The {@code airlock} command-line tool. */
package dev.airlock.cli;
