package dev.airlock.guardrail;

import dev.airlock.InvalidValueException;
import java.util.Locale;

/**
 * What an external gate answered for one promotion: a fact gathered before the decision, so the
 * decision itself stays pure. Anything short of a trustworthy approval is {@link Status#PENDING}.
 *
 * @param gate    the gate's name, as policy statements refer to it
 * @param status  its answer
 * @param comment what it said, shown in decisions and recorded in the ledger; may be empty
 */
public record GateAnswer(String gate, Status status, String comment) {

    /** A gate's answer. */
    public enum Status {
        APPROVED, REJECTED, PENDING;

        /** The lowercase name used on the wire and in documents. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses {@code approved}, {@code rejected} or {@code pending}. */
        public static Status parse(String text) {
            for (Status status : values()) {
                if (status.wireName().equals(text)) {
                    return status;
                }
            }
            throw new InvalidValueException("state", text, "must be one of approved, rejected, pending");
        }
    }

    public GateAnswer {
        InvalidValueException.requireNonNull("gate", gate);
        InvalidValueException.requireNonNull("status", status);
        InvalidValueException.requireNonNull("comment", comment);
    }

    public static GateAnswer approved(String gate, String comment) {
        return new GateAnswer(gate, Status.APPROVED, comment);
    }

    public static GateAnswer rejected(String gate, String comment) {
        return new GateAnswer(gate, Status.REJECTED, comment);
    }

    public static GateAnswer pending(String gate, String comment) {
        return new GateAnswer(gate, Status.PENDING, comment);
    }

    /** {@code approved: comment}, as decisions and the ledger show it. */
    public String describe() {
        return status.wireName() + (comment.isBlank() ? "" : ": " + comment);
    }
}
