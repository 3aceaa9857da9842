package dev.airlock.guardrail.policy;

import dev.airlock.InvalidValueException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A test of one named request attribute, for statements the built-in kinds do not cover and for
 * narrowing where any statement applies ({@link Statement#when()}).
 *
 * <p>Attributes are the built-in facts listed in {@link #BUILT_IN_ATTRIBUTES} and the request's own
 * attributes, written {@code attributes.NAME} (for example {@code attributes.change-ticket}). A
 * missing attribute satisfies only {@link Operator#NOT_EQUALS}. {@link Operator#BEFORE} and
 * {@link Operator#AFTER} compare instants such as {@code 2026-01-05T00:00:00Z}.
 *
 * @param attribute the attribute tested
 * @param operator  how it is tested
 * @param values    one value, or one or more for {@link Operator#IN}
 */
public record Condition(String attribute, Operator operator, List<String> values) {

    /** Built-in attribute names; any other name must start with {@link #REQUEST_ATTRIBUTE_PREFIX}. */
    public static final Set<String> BUILT_IN_ATTRIBUTES = Set.of("principal", "source", "target", "target.tier",
            "target.account", "target.digest", "artifact.name", "artifact.version", "artifact.kind", "artifact.digest",
            "artifact.repository", "artifact.revision", "artifact.buildId", "artifact.builder", "artifact.builtAt",
            "rollback", "breakGlass", "now");

    /** The prefix of attributes the request carries ({@code PromotionRequest.attributes()}). */
    public static final String REQUEST_ATTRIBUTE_PREFIX = "attributes.";

    /** How an attribute is tested. */
    public enum Operator {
        /** The attribute equals the value. */
        EQUALS("equals"),
        /** The attribute is missing or differs from the value. */
        NOT_EQUALS("notEquals"),
        /** The attribute equals one of the values. */
        IN("in"),
        /** The attribute matches a pattern where {@code *} is any text and {@code ?} one character. */
        GLOB("glob"),
        /** The attribute is an instant strictly before the value. */
        BEFORE("before"),
        /** The attribute is an instant at or after the value. */
        AFTER("after");

        private final String configName;

        Operator(String configName) {
            this.configName = configName;
        }

        /** The key that writes this operator in a policy document, e.g. {@code notEquals}. */
        public String configName() {
            return configName;
        }
    }

    public Condition {
        InvalidValueException.requireNonNull("attribute", attribute);
        InvalidValueException.requireNonNull("operator", operator);
        InvalidValueException.requireNonNull(operator.configName(), values);
        values = List.copyOf(values);
        checkAttribute(attribute);
        if (operator == Operator.IN ? values.isEmpty() : values.size() != 1) {
            throw new InvalidValueException(operator.configName(), values, operator == Operator.IN
                    ? "must list at least one value" : "must be exactly one value");
        }
        if (operator == Operator.BEFORE || operator == Operator.AFTER) {
            parseInstant(operator.configName(), values.get(0));
        }
        if (operator == Operator.GLOB && values.get(0).isEmpty()) {
            throw new InvalidValueException("glob", "", "must not be empty");
        }
    }

    public static Condition equalTo(String attribute, String value) {
        return new Condition(attribute, Operator.EQUALS, List.of(value));
    }

    public static Condition notEqualTo(String attribute, String value) {
        return new Condition(attribute, Operator.NOT_EQUALS, List.of(value));
    }

    public static Condition in(String attribute, String... values) {
        return new Condition(attribute, Operator.IN, List.of(values));
    }

    public static Condition glob(String attribute, String pattern) {
        return new Condition(attribute, Operator.GLOB, List.of(pattern));
    }

    public static Condition before(String attribute, Instant instant) {
        return new Condition(attribute, Operator.BEFORE, List.of(instant.toString()));
    }

    public static Condition after(String attribute, Instant instant) {
        return new Condition(attribute, Operator.AFTER, List.of(instant.toString()));
    }

    /** The single value (for every operator but {@link Operator#IN}, its only value). */
    public String value() {
        return values.get(0);
    }

    /** Rejects an attribute name that is neither built in nor a request attribute. */
    public static String checkAttribute(String attribute) {
        if (BUILT_IN_ATTRIBUTES.contains(attribute)
                || (attribute.startsWith(REQUEST_ATTRIBUTE_PREFIX) && attribute.length() > REQUEST_ATTRIBUTE_PREFIX.length())) {
            return attribute;
        }
        throw new InvalidValueException("attribute", attribute, "must be a built-in attribute ("
                + String.join(", ", new TreeSet<>(BUILT_IN_ATTRIBUTES))
                + ") or a request attribute written attributes.NAME");
    }

    /** Parses an ISO-8601 instant with an offset, {@code 2026-01-05T00:00:00Z} or {@code 2026-01-05T01:00:00+01:00}. */
    public static Instant parseInstant(String field, String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, text,
                    "must be an instant with an offset, such as 2026-01-05T00:00:00Z or 2026-01-05T01:00:00+01:00");
        }
    }

    @Override
    public String toString() {
        return attribute + " " + operator.configName() + " " + (operator == Operator.IN ? values : value());
    }
}
