package dev.airlock.local;

import dev.airlock.InvalidValueException;
import java.time.Instant;

/**
 * One line of an environment's access log: who opened or closed access, for which promotion, when.
 * Not API: users read the log file itself ({@link LocalEnvironmentAccess#logFile}).
 *
 * @param time        from the injected clock
 * @param event       whether access was opened or closed
 * @param environment the environment accessed
 * @param promotionId the promotion the access was for
 * @param principal   who the promotion acts for
 */
record AccessRecord(Instant time, Event event, String environment, String promotionId, String principal) {

    AccessRecord {
        InvalidValueException.requireNonNull("time", time);
        InvalidValueException.requireNonNull("event", event);
        InvalidValueException.requireNonNull("environment", environment);
        InvalidValueException.requireNonNull("promotionId", promotionId);
        InvalidValueException.requireNonNull("principal", principal);
    }

    /** What happened to the access. */
    enum Event {
        /** A session was opened. */
        OPENED,
        /** The session was closed. */
        CLOSED
    }
}
