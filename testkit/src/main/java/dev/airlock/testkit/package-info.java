/** In-memory fakes of every Airlock port, a controllable clock, fault injection and call records. No JUnit needed. */
@NullMarked
package dev.airlock.testkit;

import org.jspecify.annotations.NullMarked;
