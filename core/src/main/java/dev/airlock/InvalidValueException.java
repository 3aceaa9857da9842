package dev.airlock;

/**
 * A value failed validation: the message names the field, the offending value and the rule, for
 * example {@code account: '12345' must be exactly 12 digits}.
 */
public class InvalidValueException extends AirlockException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String value;
    private final String rule;

    public InvalidValueException(String field, Object value, String rule) {
        super(field + ": '" + value + "' " + rule);
        this.field = field;
        this.value = String.valueOf(value);
        this.rule = rule;
    }

    /** The name of the field that was rejected. */
    public String field() {
        return field;
    }

    /** The rejected value, as text. */
    public String value() {
        return value;
    }

    /** The rule the value broke, phrased to follow the value ("must be ..."). */
    public String rule() {
        return rule;
    }

    /** Throws when {@code value} is null; otherwise returns it. */
    public static <T> T requireNonNull(String field, T value) {
        if (value == null) {
            throw new InvalidValueException(field, null, "is required");
        }
        return value;
    }
}
