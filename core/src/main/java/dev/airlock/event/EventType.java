package dev.airlock.event;

/** What an event is about; {@link #wireName()} is its {@code type} in JSON. */
public enum EventType {
    /** A promotion was decided allowed or denied. */
    PROMOTION_DECIDED("promotion.decided"),
    /** A promotion is pending: {@code data.missing} says what, {@code data.approvers} who may approve. */
    PROMOTION_PENDING("promotion.pending"),
    PROMOTION_PROMOTED("promotion.promoted"),
    PROMOTION_FAILED("promotion.failed"),
    PROMOTION_ROLLED_BACK("promotion.rolled-back"),
    /** An emergency request was decided; always told, whatever its outcome. */
    BREAK_GLASS_USED("break-glass.used"),
    /** A promotion was denied by an engaged stop switch. */
    STOP_SWITCH_ENGAGED("stop-switch.engaged"),
    /** The ledger's chain is broken; the engine refuses to act on it. */
    LEDGER_TAMPERED("ledger.tampered");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
