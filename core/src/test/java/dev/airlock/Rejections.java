package dev.airlock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;

/** Asserts that a value was rejected with a message naming the field, the offending value and the rule. */
public final class Rejections {
    private Rejections() {
    }

    public static InvalidValueException assertRejected(Executable construction, String field, String value,
            String ruleFragment) {
        InvalidValueException e = assertThrows(InvalidValueException.class, construction);
        assertEquals(field, e.field(), "field");
        assertEquals(value, e.value(), "value");
        assertTrue(e.rule().contains(ruleFragment), () -> "rule '" + e.rule() + "' should contain '" + ruleFragment + "'");
        assertEquals(field + ": '" + value + "' " + e.rule(), e.getMessage(), "message");
        return e;
    }
}
