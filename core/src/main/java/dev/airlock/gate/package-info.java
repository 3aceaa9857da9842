/**
 * Built-in external gates: {@link dev.airlock.gate.HttpGate} asks an HTTP service, with signed requests
 * and answers, whether a promotion may go ahead. Java gates implement {@link dev.airlock.spi.Gate}.
 */
@NullMarked
package dev.airlock.gate;

import org.jspecify.annotations.NullMarked;
