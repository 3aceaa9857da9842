/** The Airlock configuration file: landscape, policies and backend, and the problems found in it. */
@NullMarked
package dev.airlock.config;

import org.jspecify.annotations.NullMarked;
