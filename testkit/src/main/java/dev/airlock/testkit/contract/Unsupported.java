package dev.airlock.testkit.contract;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** How a kit honours a case an implementation declared unsupported: aborted with the stated reason, never silently. */
final class Unsupported {

    private Unsupported() {
    }

    /**
     * Aborts the running case when {@code reason} is present. A blank reason fails instead: declaring a
     * case unsupported without saying why would turn the declaration into a silent skip.
     */
    static void abortIfDeclared(String what, String override, Optional<String> reason) {
        if (reason.isEmpty()) {
            return;
        }
        if (reason.get().isBlank()) {
            fail(override + " declares " + what + " unsupported but gives no reason; state why");
        }
        Assumptions.abort(what + " is declared unsupported by this implementation's test environment: "
                + reason.get());
    }

    /** The failure of a hook that was neither implemented nor declared unsupported. */
    static UnsupportedOperationException hookMissing(String hook, String override, String what) {
        return new UnsupportedOperationException("override " + hook + " so the kit can test " + what
                + ", or override " + override + " to state why this implementation cannot be tested that way");
    }
}
