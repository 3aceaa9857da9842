/**
 * JUnit 5 support for the testkit: {@link dev.airlock.testkit.junit.AirlockExtension} hands each test
 * a fresh {@link dev.airlock.testkit.TestWorld}, and {@link dev.airlock.testkit.junit.AirlockAssertions}
 * checks outcomes and the ledger with messages that say what happened instead. The only package of the
 * testkit that needs JUnit (an optional dependency): everything else works with any test framework.
 */
@NullMarked
package dev.airlock.testkit.junit;

import org.jspecify.annotations.NullMarked;
