/**
 * A harness for {@code moto_server}, a local emulator of the AWS APIs, so integration tests run the
 * aws module against real HTTP endpoints. No JUnit needed: any test framework can use it.
 */
@NullMarked
package dev.airlock.testkit.moto;

import org.jspecify.annotations.NullMarked;
