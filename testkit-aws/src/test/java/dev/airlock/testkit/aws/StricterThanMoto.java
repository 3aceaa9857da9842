package dev.airlock.testkit.aws;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test of a behaviour in which the fake, like AWS, is stricter than moto_server, so the test runs
 * on the fake only. {@link #value()} names the row of the table "Where the fake is stricter than moto,
 * because AWS is" in the README that explains the difference; {@code StrictnessListTest} keeps
 * the annotations and the table in step.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface StricterThanMoto {
    /** Text of the table row's first cell that identifies the row. */
    String value();
}
